import Foundation
import Hummingbird
import Testing
@testable import EthicsCommittee

@Suite struct AttachmentNameTests {
    @Test(arguments: [
        ("report.html", "application/pdf", "report.pdf"),
        ("setup.exe", "application/pdf", "setup.pdf"),
        ("notes.js", "application/pdf", "notes.pdf"),
        ("a.pdf\u{0}.html", "application/pdf", "a.pdf"),
        ("invoice\u{202E}fdp.exe", "application/pdf", "invoicefdp.pdf"),
        ("\u{2067}exe.pdf\u{2069}", "application/pdf", "exe.pdf"),
        ("\u{200F}scan\u{200E}.PDF", "application/pdf", "scan.PDF"),
        ("noextension", "application/pdf", "noextension.pdf"),
        ("photo.jpeg", "image/jpeg", "photo.jpeg"),
        ("photo.png", "image/jpeg", "photo.jpg"),
        ("plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "plan.docx"),
        ("readme.md", "text/plain", "readme.md"),
        ("dir/sub\\..\\evil.html", "text/plain", "evil.txt"),
        ("...", "application/pdf", "attachment.pdf"),
        (".htaccess", "text/plain", "htaccess.txt"),
        ("tab\tand\u{85}nel.pdf", "application/pdf", "tabandnel.pdf"),
    ] as [(String, String, String)])
    func namesTakeTheCheckedTypesExtension(_ name: String, _ mime: String, _ expected: String) {
        #expect(AttachmentType.downloadName(name, mime: mime) == expected)
    }

    @Test func dispositionIsAsciiWithAnEncodedUtf8Name() {
        let header = CaseAttachmentController.disposition("Étude; \"x\".pdf")
        #expect(header == "attachment; filename=\"_tude_ _x_.pdf\"; filename*=UTF-8''%C3%89tude%3B%20%22x%22.pdf")
        #expect(header.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
    }

    @Test func uploadsAreStoredAndServedUnderASafeName() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/cases/new")
            let path = try #require(try await owner.post("/cases", CaseFlowTests.form()).location)
            let caseId = try #require(Int64(path.split(separator: "/").last!))
            for name in ["report.html", "setup.exe", "notes\u{202E}fdp.exe"] {
                try await owner.get(path)
                #expect(try await owner.upload(path + "/attachments", file: (name, CaseAttachmentTests.pdf)).status == .seeOther)
            }
            let stored = try await c.app.services.caseAttachments.list(caseId: caseId).map(\.filename)
            #expect(stored == ["report.pdf", "setup.pdf", "notesfdp.pdf"])

            // A row saved before this rule is cleaned when served and listed
            try await c.app.services.caseAttachments.add(caseId: caseId, filename: "old\u{202E}fdp.html", type: .init(mime: "application/pdf"),
                                                         bytes: CaseAttachmentTests.pdf, by: AuditActor(id: c.owner.id, label: "x", client: ""))
            let old = try #require(try await c.app.services.caseAttachments.list(caseId: caseId).last)
            let download = try await owner.get(path + "/attachments/\(old.id)")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"oldfdp.pdf\"; filename*=UTF-8''oldfdp.pdf")
            let page = try await owner.get(path)
            #expect(page.body.contains("oldfdp.pdf"))
            #expect(!page.body.contains("\u{202E}"))
        }
    }
}
