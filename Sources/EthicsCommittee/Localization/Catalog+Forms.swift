/// Text of the forms' limits and field messages shown beside a refused field.
extension Catalog {
    static let englishForms: [String: String] = [
        "limit_characters": "Up to {count} characters.",
        "form_refused": "This form was not saved: see the message next to the field.",
        "error_condition_owner": "Choose who is responsible for this condition.",
        "error_condition_due": "Give this condition a due date.",
        "error_charter_version": "Give the charter version as a number, or leave it empty.",
        "error_vote_choice": "Record this member's vote.",
    ]

    static let frenchForms: [String: String] = [
        "limit_characters": "Jusqu'à {count} caractères.",
        "form_refused": "Ce formulaire n'a pas été enregistré : voyez le message à côté du champ.",
        "error_condition_owner": "Choisissez le responsable de cette condition.",
        "error_condition_due": "Donnez une échéance à cette condition.",
        "error_charter_version": "Indiquez la version de la charte par un nombre, ou laissez vide.",
        "error_vote_choice": "Enregistrez le vote de ce membre.",
    ]
}
