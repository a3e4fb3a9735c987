import Foundation
import GRDB
import Logging
import Testing
@testable import EthicsCommittee

/// The e-mail path: the outbox delivered to a real SMTP server (a sink on 127.0.0.1), byte for byte;
/// dot-stuffing, AUTH, retries with back-off, permanent refusals, and headers nobody can inject into.
@Suite struct SMTPTests {
    static func app(_ sink: SMTPSink) async throws -> TestApp {
        try await TestApp.make { config in
            config.publicURL = "https://ethics.example.org"
            config.smtp = SMTPSettings(host: "127.0.0.1", port: sink.port, from: "ethics@example.org", heloName: "ethics.test")
        }
    }

    /// Bob (English) and Carol (French) are assigned to review a case; returns the case's id.
    static func assignBobAndCarol(_ app: TestApp) async throws -> Int64 {
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let bob = try await app.user("bob@example.org", role: .member)
        let carol = try await app.user("carol@example.org", role: .member)
        let owner = try await app.user("owner@example.org", role: .submitter)
        try await app.services.users.setLanguage(id: carol.id, to: .fr, by: .system())
        let draft = CaseDraft(title: "Confidential layoffs bot", team: "HR", vendor: "", kind: .tool, customerFacing: false,
                              personalData: false, confidential: false, description: "x", answers: [:], notes: [:])
        let id = try await app.services.cases.create(draft, descriptionHTML: "<p>x</p>", submitterId: owner.id, by: .system())
        try await app.services.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
        let actor = AuditActor(id: secretary.id, label: secretary.email, client: "")
        for reviewer in [bob, carol] {
            try await app.services.caseReviews.assign(caseId: id, userId: reviewer.id, dueOn: "2030-12-31", by: actor)
        }
        return id
    }

    static func outbox(_ app: TestApp) throws -> [Row] {
        try app.database.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM email_outbox ORDER BY id") }
    }

    static func sender(_ app: TestApp) throws -> EmailSender {
        try #require(app.services.emailSender(logger: Logger(label: "test")))
    }

    @Test func theOutboxReachesTheServerExactlyInEachRecipientsLanguage() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let app = try await Self.app(sink)
        let id = try await Self.assignBobAndCarol(app)

        // When the sender runs, both mails go out and the outbox records it
        #expect(try await Self.sender(app).deliverPending() == 2)
        #expect(try Self.outbox(app).map { $0["status"] as String } == ["sent", "sent"])
        #expect(try await Self.sender(app).deliverPending() == 0)

        // Then the envelope, the headers and the body are exactly these, with CRLF everywhere
        let messages = sink.messages
        try #require(messages.count == 2)
        let bob = messages[0]
        #expect(bob.commands.first == "EHLO ethics.test")
        #expect(!bob.commands.contains { $0.hasPrefix("AUTH") })
        #expect(bob.mailFrom == "<ethics@example.org>")
        #expect(bob.recipients == ["<bob@example.org>"])
        #expect(!bob.bareLineFeed)
        #expect(bob.wireLines == [
            "From: <ethics@example.org>",
            "To: <bob@example.org>",
            "Subject: [AI Ethics Committee] A case was assigned to you for review (due 31 December 2030).",
            "Date: Wed, 18 Nov 2026 11:06:40 +0000",
            "Message-ID: <notification-1.1@ethics.example.org>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
            "",
            "A case was assigned to you for review (due 31 December 2030).",
            "",
            "https://ethics.example.org/cases/\(id)",
            "",
            "=E2=80=94 AI Ethics Committee",
            "To stop these e-mails, change your choice on your account page: https://eth=",
            "ics.example.org/account/password",
        ])
        // Nothing confidential leaves the app: not even the case's title
        #expect(!bob.data.contains("layoffs"))

        // Carol reads French: an RFC 2047 subject and a quoted-printable body
        let carol = messages[1]
        #expect(carol.recipients == ["<carol@example.org>"])
        let subject = try #require(carol.wireLines.first { $0.hasPrefix("Subject: ") })
        #expect(subject.hasPrefix("Subject: =?UTF-8?B?"))
        let continuation = carol.wireLines.drop { !$0.hasPrefix("Subject: ") }.dropFirst().prefix { $0.hasPrefix(" ") }
        #expect(Self.decodeWords(([String(subject.dropFirst("Subject: ".count))] + continuation).joined())
                == "[AI Ethics Committee] Une saisine vous a été confiée pour étude (échéance\u{202F}: 31 décembre 2030).")
        // (A soft line break may fall between the two bytes of "é": decoders join the bytes.)
        #expect(Array(carol.wireLines.suffix(8).prefix(2)) == ["Une saisine vous a =C3=A9t=C3=A9 confi=C3=A9e pour =C3=A9tude (=C3=A9ch=C3=",
                                                              "=A9ance=E2=80=AF: 31 d=C3=A9cembre 2030)."])
        #expect(carol.wireLines.allSatisfy { $0.utf8.count <= 78 && $0.unicodeScalars.allSatisfy { $0.isASCII } })
    }

    @Test func aRefusalIsRetriedWithBackOffAndAPermanentOneIsNot() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let app = try await Self.app(sink)
        _ = try await Self.assignBobAndCarol(app)
        let sender = try Self.sender(app)

        // Given the server refuses Bob's mail for now and Carol's for good
        sink.refuseNext("451 4.3.0 Try again later")
        sink.refuseNext("550 5.1.1 No such user")
        #expect(try await sender.deliverPending() == 0)
        var rows = try Self.outbox(app)
        #expect(rows.map { $0["status"] as String } == ["pending", "failed"])
        #expect(rows.map { $0["attempts"] as Int } == [1, 1])
        #expect((rows[0]["last_error"] as String).contains("451"))
        #expect(rows[0]["next_attempt_at"] as String == Timestamp.string(app.clock.now + 60))

        // Not before the back-off has passed
        #expect(try await sender.deliverPending() == 0)
        #expect(sink.messages.isEmpty)
        app.clock.advance(61)
        #expect(try await sender.deliverPending() == 1)
        rows = try Self.outbox(app)
        #expect(rows.map { $0["status"] as String } == ["sent", "failed"])
        #expect(rows[0]["attempts"] as Int == 2)
        #expect(sink.messages.map(\.recipients) == [["<bob@example.org>"]])
    }

    @Test func mailTooOldIsDroppedRatherThanSentLate() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let app = try await Self.app(sink)
        _ = try await Self.assignBobAndCarol(app)
        app.clock.advance(EmailOutbox.maxAge + 1)
        #expect(try await Self.sender(app).deliverPending() == 0)
        #expect(try Self.outbox(app).map { $0["status"] as String } == ["expired", "expired"])
        #expect(sink.messages.isEmpty)
    }

    @Test func theClientDotStuffsAndAuthenticates() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let settings = SMTPSettings(host: "127.0.0.1", port: sink.port, from: "ethics@example.org", username: "alice",
                                    password: "secret", heloName: "ethics.test")
        let data = "Subject: dots\r\n\r\n.hidden line\r\n.\r\nmiddle\r\n..two\r\nlast"
        try await SMTPClient(settings: settings).send(to: "bob@example.org", data: data)
        let message = try #require(sink.messages.first)
        #expect(message.commands.contains("AUTH PLAIN AGFsaWNlAHNlY3JldA=="))
        #expect(message.wireLines == ["Subject: dots", "", "..hidden line", "..", "middle", "...two", "last"])
        #expect(message.data == data)
        #expect(message.commands.last == "QUIT")
    }

    @Test func nothingFromTheDataCanAddAHeaderOrACommand() async throws {
        // A subject with a line break stays on its line; non-ASCII is encoded
        let message = MailMessage(from: "ethics@example.org", to: "bob@example.org", subject: "Réunion\r\nBcc: evil@example.net",
                                  body: "Line\nBcc: not a header", date: Date(timeIntervalSince1970: 0), messageId: "m@x")
        let rendered = try message.rendered()
        let head = try #require(rendered.components(separatedBy: "\r\n\r\n").first)
        #expect(!head.contains("Bcc"))
        #expect(head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }.count == 9)
        #expect(MailMessage.encodeHeader("Plain\nText") == "Plain Text")

        // An address carrying a line break or brackets is refused, before any connection
        for address in ["bob@example.org\r\nRCPT TO:<evil@example.net>", "bob@example.org>", "no-at-sign", "a@b c", "é@example.org"] {
            #expect(!MailMessage.isSafeAddress(address))
            let bad = MailMessage(from: "ethics@example.org", to: address, subject: "s", body: "b", date: Date(), messageId: "m@x")
            #expect(throws: MailMessage.BadAddress.self) { try bad.rendered() }
        }
        let client = SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: 9, from: "ethics@example.org"))
        await #expect(throws: SMTPError(code: 501, message: "unusable address")) {
            try await client.send(to: "bob@example.org\r\nDATA", data: "x")
        }

        // Quoted-printable: "=" and non-ASCII escaped, trailing space kept visible, long lines softly broken
        #expect(MailMessage.quotedPrintable("a=b é \nx") == "a=3Db =C3=A9=20\r\nx")
        let long = MailMessage.quotedPrintable(String(repeating: "x", count: 100))
        #expect(long == String(repeating: "x", count: 75) + "=\r\n" + String(repeating: "x", count: 25))
    }

    /// Decodes RFC 2047 base64 encoded-words; the white space between two of them is not part of the text.
    static func decodeWords(_ text: String) -> String {
        var bytes = Data()
        var rest = Substring(text)
        while let start = rest.range(of: "=?UTF-8?B?"), let end = rest[start.upperBound...].range(of: "?=") {
            bytes += Data(base64Encoded: String(rest[start.upperBound..<end.lowerBound])) ?? Data()
            rest = rest[end.upperBound...]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
