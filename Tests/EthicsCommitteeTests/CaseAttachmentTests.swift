import Foundation
import Hummingbird
import Testing
@testable import EthicsCommittee

@Suite struct CaseAttachmentTests {
    static let pdf = Array("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)

    @Test(arguments: [
        ("report.pdf", pdf, "application/pdf"),
        ("chart.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/png"),
        ("photo.JPG", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2], "image/jpeg"),
        ("plan.docx", [0x50, 0x4B, 0x03, 0x04, 9, 9], "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], "application/msword"),
        ("notes.txt", Array("Réunion du comité\n".utf8), "text/plain"),
    ] as [(String, [UInt8], String)])
    func acceptedTypesAreRecognisedByContent(_ name: String, _ bytes: [UInt8], _ mime: String) {
        #expect(AttachmentType.detect(bytes, filename: name)?.mime == mime)
    }

    @Test(arguments: [
        ("invoice.pdf", Array("<html><script>alert(1)</script>".utf8)),  // claims PDF, is HTML
        ("page.html", Array("<html></html>".utf8)),
        ("tool.exe", [0x4D, 0x5A, 0x90, 0x00]),
        ("archive.zip", [0x50, 0x4B, 0x03, 0x04]),                          // a zip that is no office file
        ("binary.txt", [0x41, 0x00, 0x42]),                                 // NUL byte in "text"
        ("image.svg", Array("<svg onload=alert(1)>".utf8)),
    ] as [(String, [UInt8])])
    func otherContentIsRefused(_ name: String, _ bytes: [UInt8]) {
        #expect(AttachmentType.detect(bytes, filename: name) == nil)
    }

    @Test func fileNamesAreCleaned() {
        #expect(AttachmentType.cleanName("../../etc/passwd") == "passwd")
        #expect(AttachmentType.cleanName("C:\\Users\\me\\plan.pdf") == "plan.pdf")
        #expect(AttachmentType.cleanName("a\u{0}b\u{7}.pdf") == "ab.pdf")
        #expect(AttachmentType.cleanName("   ") == "attachment")
    }

    @Test func uploadAndDownloadAsAttachment() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/cases/new")
            let id = try #require(try await owner.post("/cases", CaseFlowTests.form()).location)
            try await owner.get(id)
            // A disguised file is refused with a clear message
            let disguised = try await owner.upload(id + "/attachments", file: ("invoice.pdf", Array("<html>".utf8)))
            #expect(disguised.status == .unprocessableContent)
            #expect(disguised.body.contains("This type of file is not accepted"))
            let none = try await owner.upload(id + "/attachments", file: nil)
            #expect(none.body.contains("Choose a file to attach."))
            // Without the token, nothing is stored
            #expect(try await owner.upload(id + "/attachments", file: ("a.pdf", Self.pdf), csrf: "").status == .forbidden)
            // A real PDF is stored and listed
            let added = try await owner.upload(id + "/attachments", file: ("Étude d'impact.pdf", Self.pdf))
            #expect(added.status == .seeOther)
            let page = try await owner.get(id)
            #expect(page.body.contains("Étude d&#39;impact.pdf") || page.body.contains("Étude d'impact.pdf"))
            let attachment = try #require(try await c.app.services.caseAttachments.list(caseId: Int64(id.split(separator: "/").last!)!).first)
            let download = try await owner.get(id + "/attachments/\(attachment.id)")
            #expect(download.status == .ok)
            #expect(owner.lastBytes == Self.pdf)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"_tude d'impact.pdf\"") == true)
            #expect(download.headers[.contentDisposition]?.contains("filename*=UTF-8''%C3%89tude%20d%27impact.pdf") == true)
            #expect(download.headers[.contentSecurityPolicy] == "sandbox; default-src 'none'")
            #expect(download.headers[.xContentTypeOptions] == "nosniff")
            #expect(download.headers[.contentType] == "application/pdf")
            // Stored outside Public/, under a generated name
            let folder = c.app.services.config.resolvedAttachmentsDirectory
            #expect(FileManager.default.fileExists(atPath: folder + "/" + attachment.storedName))
            #expect(!attachment.storedName.contains("impact"))
            #expect(!folder.hasPrefix(c.app.services.config.publicDirectory))
        }
        #expect(try c.app.auditActions().contains("case.attachment_added"))
    }

    @Test func attachmentsObeyTheCaseAccess() async throws {
        let c = try await CaseFlowTests.committee()
        try await c.app.user("other@example.org", role: .submitter)
        try await c.app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            let caseId = try await CaseFlowTests.submitted(owner, CaseFlowTests.form(title: "Secret", confidential: true))
            let secretary = Browser(client)
            try await secretary.signIn("sec@example.org")
            try await secretary.get("/cases/\(caseId)")
            #expect(try await secretary.upload("/cases/\(caseId)/attachments", file: ("annex.pdf", Self.pdf)).status == .seeOther)
            let attachment = try #require(try await c.app.services.caseAttachments.list(caseId: caseId).first)
            let path = "/cases/\(caseId)/attachments/\(attachment.id)"
            // Not assigned: 404 for the member, the expert and another project owner
            for email in ["ada@example.org", "arendt@uni.example", "other@example.org"] {
                let browser = Browser(client)
                try await browser.signIn(email)
                #expect(try await browser.get(path).status == .notFound, "\(email)")
            }
            // The owner may read it (not logged); an assigned member may too, and that is logged
            #expect(try await owner.get(path).status == .ok)
            let before = try c.app.auditActions().filter { $0 == "case.attachment_downloaded" }.count
            #expect(before == 0)
            try await c.app.services.caseReviews.assign(caseId: caseId, userId: c.ada.id, dueOn: "2030-01-01",
                                                        by: AuditActor(id: c.owner.id, label: "x", client: ""))
            let ada = Browser(client)
            try await ada.signIn("ada@example.org")
            #expect(try await ada.get(path).status == .ok)
            // The member may not add files to the case
            try await ada.get("/cases/\(caseId)")
            #expect(try await ada.upload("/cases/\(caseId)/attachments", file: ("x.pdf", Self.pdf)).status == .notFound)
        }
        #expect(try c.app.auditActions().filter { $0 == "case.attachment_downloaded" }.count == 1)
    }

    @Test func oversizedUploadsAreRefused() async throws {
        let app = try await TestApp.make { $0.maxAttachmentBytes = 1024 }
        try await app.user("owner@example.org", role: .submitter)
        try await app.test { client in
            let owner = Browser(client)
            try await owner.signIn("owner@example.org")
            try await owner.get("/cases/new")
            let id = try #require(try await owner.post("/cases", CaseFlowTests.form()).location)
            try await owner.get(id)
            let big = Self.pdf + [UInt8](repeating: 0x20, count: 2000)
            let refused = try await owner.upload(id + "/attachments", file: ("big.pdf", big))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("larger than 10 MB") || refused.body.contains("larger"))
            let huge = Self.pdf + [UInt8](repeating: 0x20, count: 200_000)
            #expect(try await owner.upload(id + "/attachments", file: ("huge.pdf", huge)).status == .contentTooLarge)
        }
    }
}
