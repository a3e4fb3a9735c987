/// Text of the searchable person fields that replace long `<select>`s (issue 19).
extension Catalog {
    static let englishScale: [String: String] = [
        "person_field_hint": "Type a name or an e-mail address; the first names are suggested.",
        "error_reviewer_unknown": "No candidate reviewer has this name or e-mail address. Check it, or pick one of the suggestions.",
        "error_person_unknown": "Nobody who may be chosen here has this name or e-mail address. Check it, or pick one of the suggestions.",
        "owner_filter_hint": "An e-mail address or a full name; leave empty for everyone.",
        "record_field_hint": "Its number (shown in its address), or leave empty; the latest are suggested.",
    ]

    static let frenchScale: [String: String] = [
        "person_field_hint": "Saisissez un nom ou une adresse e-mail ; les premiers noms sont proposés.",
        "error_reviewer_unknown": "Aucun rapporteur possible ne porte ce nom ou cette adresse e-mail. Vérifiez-la, ou choisissez une des propositions.",
        "error_person_unknown": "Personne qui puisse être choisi ici ne porte ce nom ou cette adresse e-mail. Vérifiez-la, ou choisissez une des propositions.",
        "owner_filter_hint": "Une adresse e-mail ou un nom complet ; laissez vide pour tout le monde.",
        "record_field_hint": "Son numéro (visible dans son adresse), ou laissez vide ; les plus récents sont proposés.",
    ]
}
