import EthicsCommittee

/// Names, affiliations and places for the large committee, combined deterministically.
enum DemoNames {
    static let first = ["Alice", "Bruno", "Camille", "Daniel", "Élise", "Farid", "Gabrielle", "Hugo", "Isabelle", "Jonas",
                        "Karima", "Léo", "Maya", "Nicolas", "Océane", "Pierre", "Quentin", "Rania", "Simon", "Tara",
                        "Ugo", "Valérie", "William", "Yasmine", "Zoé", "Amir", "Beatriz", "Chloé", "Dmitri", "Eva",
                        "Fatou", "Giulia", "Hannah", "Ivan", "Jade", "Kenji", "Lina", "Mateo", "Nora", "Omar"]
    static let last = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
                       "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
                       "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
                       "Schmidt", "Rossi", "Nowak", "Jensen", "Silva", "Kim", "Okoye", "Haddad", "Novak", "Svensson"]
    static let externalAffiliations: [(String, [ExpertiseArea])] = [
        ("University, professor of computer science", [.ai, .data]),
        ("University, professor of law", [.law]),
        ("University, lecturer in philosophy", [.ethics]),
        ("Law firm, partner (data protection)", [.law, .data]),
        ("Independent AI engineer", [.ai, .security]),
        ("Consumer association", [.customerRelations, .ethics]),
        ("Research institute, data scientist", [.data, .ai]),
        ("National CERT, security analyst", [.security]),
        ("Business school, professor of service management", [.customerRelations, .other]),
        ("Disability rights organisation", [.ethics, .customerRelations]),
    ]
    static let internalAffiliations: [(String, [ExpertiseArea])] = [
        ("Acme, customer service operations", [.customerRelations]),
        ("Acme, data office", [.data]),
        ("Acme, legal department", [.law]),
        ("Acme, information security", [.security]),
        ("Acme works council", [.other]),
    ]
    static let places = ["Lyon", "Lille", "Nantes", "Bordeaux", "Marseille", "Brussels", "Madrid", "Lisbon", "B2B", "SME customers",
                         "premium line", "pilot", "phase 2", "phase 3", "night service", "Paris", "Toulouse", "Rennes"]
    static let vendors = ["Parlo AI", "ClearDesk", "Nimbus CX", "VoxMetrics", "LinguaBridge"]
    static let ownerJobs = ["Product owner, digital care", "Contact-centre manager", "Knowledge manager", "Training manager",
                            "Retention manager", "Quality manager", "Billing operations manager"]
}
