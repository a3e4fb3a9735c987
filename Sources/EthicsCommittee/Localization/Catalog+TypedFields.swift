/// Text of the searchable fields that replace the last long `<select>`s (issue 19: the incident triage's system and
/// owner), of conditions handed on when a written vote closes, and of a deliverable's owner who may not open its case.
extension Catalog {
    static let englishTypedFields: [String: String] = [
        "incident_system_hint": "Type a system's name or number; the first systems are suggested.",
        "incident_owner_hint": "Leave it empty while nobody follows it up.",
        "incident_error_system_missing": "Name the system this incident happened on.",
        "incident_error_system_unknown": "No system you may see has this name or number. Check it, or pick one of the suggestions.",
        "incident_error_system_several": "Several systems have this name: type the number of the one you mean (the suggestions show it).",
        "error_person_several": "Several people have this name: type the e-mail address of the one you mean.",
        "system_number_label": "System no. {number}",
        "deliverable_error_owner_case": "This person may not open the linked case, so could not open this deliverable: choose someone who may, or link no case.",
        "notification_condition_reassigned": "A condition of the written decision on “{title}” went to the project owner (or to you): the person named may no longer own it. Check who follows it up.",
        "notification_condition_reassigned_mail": "A condition of a written decision changed owner: the person named may no longer own it.",
        "audit_action_condition.reassigned": "Condition handed on at the close of a written vote",
        "agenda_case_hint": "Type a case's number or title; the first cases ready for a meeting are suggested.",
        "agenda_error_case_unknown": "No case ready for a meeting has this number or title. Check it, or pick one of the suggestions.",
        "agenda_error_case_several": "Several cases ready for a meeting have this title: type the number of the one you mean.",
        "agenda_error_case_on_agenda": "This case is already on the agenda of a planned or held meeting.",
        "written_deliverable_hint": "Its number or title, or leave empty; the latest are suggested.",
        "written_error_deliverable_unknown": "No deliverable a motion may adopt has this number or title. Check it, or pick one of the suggestions.",
        "written_error_deliverable_several": "Several deliverables have this title: type the number of the one you mean (the suggestions show it).",
    ]

    static let frenchTypedFields: [String: String] = [
        "incident_system_hint": "Saisissez le nom ou le numéro d'un système ; les premiers systèmes sont proposés.",
        "incident_owner_hint": "Laissez vide tant que personne n'en assure le suivi.",
        "incident_error_system_missing": "Indiquez le système sur lequel l'incident s'est produit.",
        "incident_error_system_unknown": "Aucun système que vous pouvez voir ne porte ce nom ou ce numéro. Vérifiez-le, ou choisissez une des propositions.",
        "incident_error_system_several": "Plusieurs systèmes portent ce nom : saisissez le numéro de celui que vous visez (les propositions l'indiquent).",
        "error_person_several": "Plusieurs personnes portent ce nom : saisissez l'adresse e-mail de celle que vous visez.",
        "system_number_label": "Système n° {number}",
        "deliverable_error_owner_case": "Cette personne ne peut pas ouvrir la saisine liée, donc pas ce livrable : choisissez quelqu'un qui le peut, ou ne liez aucune saisine.",
        "notification_condition_reassigned": "Une condition de la décision écrite sur « {title} » a été confiée au porteur du projet (ou à vous) : la personne désignée ne peut plus en être responsable. Vérifiez qui en assure le suivi.",
        "notification_condition_reassigned_mail": "Une condition d'une décision écrite a changé de responsable : la personne désignée ne peut plus l'être.",
        "audit_action_condition.reassigned": "Condition confiée à un autre responsable à la clôture d'un vote écrit",
        "agenda_case_hint": "Saisissez le numéro ou le titre d'une saisine ; les premières saisines prêtes pour une séance sont proposées.",
        "agenda_error_case_unknown": "Aucune saisine prête pour une séance ne porte ce numéro ou ce titre. Vérifiez-le, ou choisissez une des propositions.",
        "agenda_error_case_several": "Plusieurs saisines prêtes pour une séance portent ce titre : saisissez le numéro de celle que vous visez.",
        "agenda_error_case_on_agenda": "Cette saisine est déjà à l'ordre du jour d'une séance prévue ou en cours.",
        "written_deliverable_hint": "Son numéro ou son titre, ou laissez vide ; les plus récents sont proposés.",
        "written_error_deliverable_unknown": "Aucun livrable qu'une motion peut adopter ne porte ce numéro ou ce titre. Vérifiez-le, ou choisissez une des propositions.",
        "written_error_deliverable_several": "Plusieurs livrables portent ce titre : saisissez le numéro de celui que vous visez (les propositions l'indiquent).",
    ]
}
