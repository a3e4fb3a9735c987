import Foundation

/// One element of Art. 27(1) as a page shows it: its label with the point, its hint, and the text.
struct FRIAElementView: Sendable {
    let name: String
    let label: String
    let hint: String
    let text: String
    let fieldError: String?
    let max: Int

    static func all(_ fria: FRIA, errors: [String: String] = [:], _ t: Messages) -> [FRIAElementView] {
        let values = fria.values
        return FRIA.fields.map { field in
            FRIAElementView(name: field.name, label: "(\(field.point)) \(t[runtime: "fria_field_\(field.name)"] ?? field.name)",
                            hint: t[runtime: "fria_field_\(field.name)_hint"] ?? "", text: values[field.name] ?? "", fieldError: errors[field.name],
                            max: FRIA.maxLength)
        }
    }
}

/// The assessment page of a case: why it is required, the data-protection answers it reuses, the latest version,
/// the form for its writer, and the versions (the newest twenty).
struct FRIAPage: Sendable {
    struct VersionRow: Sendable {
        let number: Int
        let line: String
        let printHref: String
    }
    struct AnswerRow: Sendable {
        let question: String
        let answer: String
        let answerNote: String?
    }
    let caseTitle: String
    let caseHref: String
    let required: Bool
    let requiredLine: String
    let dataAnswers: [AnswerRow]
    let personalDataLine: String
    let current: [FRIAElementView]
    let currentLine: String?
    let currentPrintHref: String?
    let friaAction: String?
    let fields: [FRIAElementView]
    let baseVersion: String
    let form: FormState
    let versions: [VersionRow]
    let hasVersions: Bool
    let moreVersions: String?
    let hintMax: String

    init(_ found: Case, aiAct: AIActCaseRecord, versions: [FRIAVersion], total: Int, answers: [String: Readiness.Answer],
         notes: [String: String], prefill: FRIA, writable: Bool, form: FormState, formats: Formats, language: Language) {
        let t = Catalog.messages(language)
        caseTitle = found.title
        caseHref = Paths.case(found.id)
        let label = aiAct.labels.first { $0.code == "fria" }
        required = label != nil
        requiredLine = label.map { label in
            t.fill(.fria_required_line, ["reason": label.point == "public_service"
                ? t[.fria_reason_public_service] : t.fill(.fria_reason_annex, ["point": label.point])])
        } ?? t[.fria_not_required_line]
        let area = Readiness.areas.first { $0.id == "data" }?.questions ?? []
        dataAnswers = area.map { question in
            let id = "data.\(question)"
            return AnswerRow(question: t[runtime: "readiness_data_\(question)"] ?? id,
                             answer: answers[id].flatMap { t[runtime: "answer_\($0.rawValue)"] } ?? t[.fria_unanswered], answerNote: notes[id])
        }
        personalDataLine = t[found.personalData ? .fria_personal_data_yes : .fria_personal_data_no]
        let latest = versions.first
        current = latest.map { FRIAElementView.all($0.fria, t) } ?? []
        currentLine = latest.map { Self.line($0, formats, language) }
        currentPrintHref = latest.map { Paths.caseFRIAPrint(found.id, version: $0.version) }
        friaAction = writable ? Paths.caseFRIA(found.id) + "#fria-form" : nil
        // A refused form comes back as typed; otherwise the latest version, or the draft drawn from the case.
        let start = form.values.isEmpty ? (latest?.fria ?? prefill) : FRIA(form.values)
        fields = FRIAElementView.all(start, errors: form.errors, t)
        baseVersion = form.values.isEmpty ? String(latest?.version ?? 0) : form.value("base_version")
        self.form = form
        self.versions = versions.map {
            VersionRow(number: $0.version, line: Self.line($0, formats, language), printHref: Paths.caseFRIAPrint(found.id, version: $0.version))
        }
        hasVersions = !versions.isEmpty
        moreVersions = total > versions.count ? t.fill(.fria_more_versions, ["count": String(total - versions.count)]) : nil
        hintMax = t.fill(.fria_hint_max, ["max": String(FRIA.maxLength)])
    }

    /// "Version 2, written by Sophie Laurent on 3 Nov 2026".
    static func line(_ version: FRIAVersion, _ formats: Formats, _ language: Language) -> String {
        Catalog.messages(language).fill(.fria_version_line,
                     ["version": String(version.version), "name": version.writtenBy, "date": formats.date(version.writtenAt, language)])
    }
}

/// The standalone print view of one assessment version: A4, the case, the classification, (a) to (f).
struct FRIAPrintPage: Sendable {
    let lang: String
    let committeeName: String
    let baseStylesheet = Paths.printStylesheet
    let pageNumbers: String
    let stylesheet = Paths.friaPrintStylesheet
    let icon: String
    let backHref: String
    let caseTitle: String
    let caseLine: String
    let versionLine: String
    let classLine: String
    let elements: [FRIAElementView]
    let generatedLine: String

    init(_ found: Case, _ version: FRIAVersion, aiAct: AIActCaseRecord, committee: String, reader: String, formats: Formats,
         language: Language) {
        let t = Catalog.messages(language)
        lang = language.rawValue
        committeeName = committee
        pageNumbers = Paths.pageNumbersStylesheet(language)
        icon = Layout.LinkPaths().icon
        backHref = Paths.caseFRIA(found.id)
        caseTitle = found.title
        caseLine = t.fill(.fria_print_case, ["number": String(found.id), "team": found.team, "owner": found.submitterName])
        versionLine = FRIAPage.line(version, formats, language)
        let labels = aiAct.labels.filter { $0.kind == .riskClass || $0.kind == .role || $0.kind == .fria }.map { label in
            (t[runtime: "aiact_label_\(label.code)"] ?? label.code) + (label.point.isEmpty ? "" : " — " + (t[runtime: "aiact_point_\(label.point)"] ?? label.point))
        }
        classLine = t.fill(.fria_print_classification, ["labels": labels.joined(separator: " · ")])
        elements = FRIAElementView.all(version.fria, t)
        generatedLine = t.fill(.fria_print_generated, ["date": formats.dateTime(Timestamp.string(formats.clock.now), language),
                                                                       "name": reader])
    }
}
