extension Catalog {
    /// The register's follow-up (issue 18, finishing): the register's export, the systems overdue for review in the
    /// figures and the annual report, the reminders before an Art. 73 reporting deadline.
    static let englishSystemsFollowUp: [String: String] = [
        "systems_export_csv": "Download the register (CSV)",
        "figures_systems_overdue_csv": "Download the systems overdue for review (CSV)",
        "annual_systems_overdue_on": "As read from the register on",
        "notification_incident_report_due_soon": "The report of the serious incident “{title}” on “{system}” to the authority is due on {due} (AI Act, Art. 73).",
        "notification_incident_report_due_soon_mail": "The report of a serious incident to the authority is due on {due} (AI Act, Art. 73).",
        "notification_incident_report_due_today": "Today, {due}, is the last day to report the serious incident “{title}” on “{system}” to the authority (AI Act, Art. 73).",
        "notification_incident_report_due_today_mail": "Today, {due}, is the last day to report a serious incident to the authority (AI Act, Art. 73).",
    ]

    static let frenchSystemsFollowUp: [String: String] = [
        "systems_export_csv": "Télécharger le registre (CSV)",
        "figures_systems_overdue_csv": "Télécharger les systèmes en retard de réexamen (CSV)",
        "annual_systems_overdue_on": "Relevé dans le registre le",
        "notification_incident_report_due_soon": "Le signalement de l'incident grave « {title} » sur « {system} » à l'autorité est attendu pour le {due} (AI Act, art. 73).",
        "notification_incident_report_due_soon_mail": "Le signalement d'un incident grave à l'autorité est attendu pour le {due} (AI Act, art. 73).",
        "notification_incident_report_due_today": "Aujourd'hui, {due}, est le dernier jour pour signaler l'incident grave « {title} » sur « {system} » à l'autorité (AI Act, art. 73).",
        "notification_incident_report_due_today_mail": "Aujourd'hui, {due}, est le dernier jour pour signaler un incident grave à l'autorité (AI Act, art. 73).",
    ]
}
