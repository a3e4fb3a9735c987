import Foundation

/// The printed minutes (`meetings/print`): built for a reader (the print view), or for the committee's own
/// record at the moment of approval (the archive the chair signs, with every item in full).
struct MinutesPrint: Sendable {
    let views: MeetingViews
    let minutes: MinutesStore
    let renderer: Renderer

    /// Who reads the archive: the committee's record itself, which holds every item.
    static let archiveReader = Requester(userId: 0, role: .admin)

    func page(_ record: MeetingRecord, reader: Requester?, language: Language) async throws -> MeetingPages.Print {
        let messages = Catalog.messages(language), settings = views.settings.current
        let printed = try await MeetingRecordStore(db: minutes.db).printed(record.meeting)
        let document = MinutesDocument.build(
            record, parts: printed.parts, conditions: printed.conditions, actor: reader, settings: settings,
            messages: messages, formats: views.formats, language: language, secretaryName: record.minutes?.writtenByName,
            written: printed.written)
        return MeetingPages.Print(
            lang: language.rawValue, committeeName: settings.committeeName, title: record.meeting.title,
            date: views.formats.date(record.meeting.startsAt, language), when: views.when(record.meeting, language),
            place: Optional([record.meeting.place, record.meeting.videoURL].filter { !$0.isEmpty }.joined(separator: " · ")).flatMap { $0.isEmpty ? nil : $0 },
            chairedBy: document.chairName.isEmpty ? nil : messages.fill(.minutes_chaired_by, ["name": document.chairName]),
            pageNumbers: Paths.pageNumbersStylesheet(language), stylesheet: Paths.meetingPrintStylesheet, icon: Layout.LinkPaths().icon, backHref: Paths.meetingMinutes(record.meeting.id),
            document: document, draft: !(record.minutes?.approved ?? false), approvalLine: views.approvalLine(record.minutes, language),
            fingerprint: views.fingerprintLine(record.minutes, language),
            status: messages[runtime: "meeting_status_\(record.meeting.status.rawValue)"] ?? "")
    }

    /// The printed minutes as they read once approved by `approver` at `at`, in the committee's language: the
    /// archive written with the approval. (Its own fingerprint cannot be in it; later prints show it.)
    func archive(_ record: MeetingRecord, approver: String, inMeeting: Int64?, at: Date) async throws -> MinutesArchive? {
        guard var approved = record.minutes else { return nil }
        approved.approved = true
        approved.approvedByName = approver
        approved.approvedAt = Timestamp.string(at)
        approved.approvedInMeeting = inMeeting
        let signed = MeetingRecord(meeting: record.meeting, facts: record.facts, invitees: record.invitees, items: record.items,
                                   votes: record.votes, cases: record.cases, voters: record.voters, minutes: approved)
        let language = views.settings.current.defaultLanguage
        let page = try await page(signed, reader: Self.archiveReader, language: language)
        return MinutesArchive(html: try renderer.render("meetings/print", Renderer.Standalone(language: language, page: page)))
    }
}
