import EthicsCommittee
import Foundation

/// Someone in the demo: an account, and for committee seats the profile they fill in.
struct DemoPerson: Sendable {
    var name: String
    var email: String
    var role: Role
    /// One line for the printed list of accounts ("Professor of AI ethics", "Head of digital care"…).
    var about: String
    var affiliation = ""
    var expertise: [ExpertiseArea] = []
    var external = false
    var position: Position = .none
    /// How their title reads in French, chosen on their profile.
    var titleForm: TitleForm = .neutral
    var voting = true
    /// Term, in days relative to the end of the demo history (negative: before it).
    var termFromDay: Int? = nil
    var termToDay: Int? = nil
    var interests: [(organisation: String, nature: String)] = []
    /// Whether they acknowledge the charter's second (substantive) version.
    var acknowledgesLatest = true
    /// The address their requests come from, for the audit trail.
    var client = "10.20.0.1"

    func actor(_ state: DemoState) -> AuditActor { AuditActor(id: state.userId(email), label: email, client: client) }
    var sitsOnCommittee: Bool { role.sitsOnCommittee }
}

/// The small committee: eleven members, most of them external, as Orange's Data & AI Ethics Council
/// is (eleven independent personalities); the platform's staff; the project owners who submit cases.
enum DemoRoster {
    static let admin = DemoPerson(name: "Claire Fontaine", email: "claire.fontaine@acme.example", role: .admin,
                                  about: "Secretary general and DPO, runs the platform", client: "10.20.1.10")
    static let secretary = DemoPerson(name: "Lucas Moreau", email: "lucas.moreau@acme.example", role: .secretary,
                                      about: "Committee secretary", client: "10.20.1.11")

    static let members: [DemoPerson] = [
        DemoPerson(name: "Hélène Marchand", email: "helene.marchand@univ-lyon.example", role: .expert,
                   about: "Professor of AI ethics, chair", affiliation: "Université de Lyon, professor of philosophy of technology",
                   expertise: [.ethics, .ai], external: true, position: .chair, titleForm: .feminine, termFromDay: -300, termToDay: 795,
                   client: "192.0.2.21"),
        DemoPerson(name: "Samuel Okafor", email: "samuel.okafor@imperial.example", role: .expert,
                   about: "Professor of machine learning, vice-chair", affiliation: "Imperial College London, department of computing",
                   expertise: [.ai, .data], external: true, position: .viceChair, titleForm: .masculine, termFromDay: -300, termToDay: 795,
                   interests: [("Nimbus CX", "Unpaid member of the scientific advisory board")], client: "192.0.2.22"),
        DemoPerson(name: "Inès Benali", email: "ines.benali@benali-avocats.example", role: .expert,
                   about: "Lawyer, data protection and the AI Act", affiliation: "Benali Avocats, partner (data protection, AI regulation)",
                   expertise: [.law, .data], external: true, termFromDay: -300, termToDay: 795,
                   interests: [("ClearDesk", "The firm advised ClearDesk on its GDPR compliance in 2024 (paid engagement, ended)")],
                   client: "192.0.2.23"),
        DemoPerson(name: "Thomas Weber", email: "thomas.weber@sorbonne.example", role: .expert,
                   about: "Moral philosopher", affiliation: "Sorbonne Université, lecturer in moral philosophy",
                   expertise: [.ethics], external: true, termFromDay: -300, termToDay: 795, client: "192.0.2.24"),
        DemoPerson(name: "Priya Raman", email: "priya.raman@independent.example", role: .expert,
                   about: "AI engineer, independent", affiliation: "Independent consultant, former head of machine learning at a bank",
                   expertise: [.ai, .security], external: true, termFromDay: -300, termToDay: 795,
                   interests: [("VoxMetrics", "Holds shares in VoxMetrics, a speech-analytics start-up")], client: "192.0.2.25"),
        DemoPerson(name: "Marc Lefèvre", email: "marc.lefevre@consumers.example", role: .expert,
                   about: "Consumer advocate", affiliation: "Consumers' Union, head of digital affairs",
                   expertise: [.customerRelations, .ethics], external: true, termFromDay: -300, termToDay: 795, client: "192.0.2.26"),
        DemoPerson(name: "Julia Novak", email: "julia.novak@lse.example", role: .expert,
                   about: "Sociologist of work", affiliation: "London School of Economics, associate professor of sociology of work",
                   expertise: [.other, .customerRelations], external: true, termFromDay: -300, termToDay: 795, client: "192.0.2.27"),
        DemoPerson(name: "Rafael Costa", email: "rafael.costa@cert.example", role: .expert,
                   about: "Cybersecurity expert, term ends soon", affiliation: "National CERT, head of incident response",
                   expertise: [.security, .data], external: true, termFromDay: -1060, termToDay: 35,
                   acknowledgesLatest: false, client: "192.0.2.28"),
        DemoPerson(name: "Nadia Haddad", email: "nadia.haddad@acme.example", role: .member,
                   about: "Head of customer service operations (internal)", affiliation: "Acme, customer service operations",
                   expertise: [.customerRelations], external: false, termFromDay: -300, termToDay: 795, client: "10.20.2.31"),
        DemoPerson(name: "Olivier Martin", email: "olivier.martin@acme.example", role: .member,
                   about: "Chief data officer (internal)", affiliation: "Acme, data office",
                   expertise: [.data, .law], external: false, termFromDay: -300, termToDay: 795,
                   interests: [("Nimbus CX", "Led the selection of Nimbus CX as Acme's CRM supplier")], client: "10.20.2.32"),
        DemoPerson(name: "Emma Schneider", email: "emma.schneider@acme.example", role: .member,
                   about: "Staff representative (internal), term ends soon", affiliation: "Acme works council, staff representative",
                   expertise: [.other, .customerRelations], external: false, termFromDay: -1020, termToDay: 75,
                   acknowledgesLatest: false, client: "10.20.2.33"),
    ]

    static let owners: [DemoPerson] = [
        DemoPerson(name: "Sophie Laurent", email: "sophie.laurent@acme.example", role: .submitter,
                   about: "Head of digital customer care (project owner)", client: "10.20.3.41"),
        DemoPerson(name: "Karim Diallo", email: "karim.diallo@acme.example", role: .submitter,
                   about: "Contact-centre operations manager (project owner)", client: "10.20.3.42"),
        DemoPerson(name: "Anna Kowalska", email: "anna.kowalska@acme.example", role: .submitter,
                   about: "Knowledge management lead (project owner)", client: "10.20.3.43"),
        DemoPerson(name: "David Chen", email: "david.chen@acme.example", role: .submitter,
                   about: "Learning and development manager (project owner)", client: "10.20.3.44"),
    ]
}
