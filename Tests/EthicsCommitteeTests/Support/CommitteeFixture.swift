import Foundation
@testable import EthicsCommittee

/// The committee most journeys start from, on a fresh app, written through the stores: Sam Secretary; Ada Lovelace,
/// a member who holds the chair (voting); Bob Babbage and Carol Shaw, members; Alan Turing, an external expert;
/// Olivia Owner, a project owner. Everyone signs in with `TestApp.user`'s password; members and experts are onboarded.
/// Suites that need more wrap it with their own records (`@dynamicMemberLookup` reaches the people).
struct CommitteeFixture {
    let app: TestApp
    /// Ann Admin, created before everyone else, when asked for.
    let admin: User?
    let secretary: User, ada: User, bob: User, carol: User, turing: User, owner: User

    var services: AppServices { app.services }
    /// The secretary, as the audit trail names her.
    var sec: AuditActor { actor(secretary) }
    func actor(_ user: User) -> AuditActor { AuditActor(id: user.id, label: user.email, client: "") }

    static func make(withAdmin: Bool = false) async throws -> CommitteeFixture {
        let app = try await TestApp.make()
        let admin = withAdmin ? try await app.user("admin@example.org", role: .admin, name: "Ann Admin") : nil
        let secretary = try await app.user("sec@example.org", role: .secretary, name: "Sam Secretary")
        let ada = try await app.user("ada@example.org", role: .member, name: "Ada Lovelace")
        let bob = try await app.user("bob@example.org", role: .member, name: "Bob Babbage")
        let carol = try await app.user("carol@example.org", role: .member, name: "Carol Shaw")
        let turing = try await app.user("turing@uni.example", role: .expert, name: "Alan Turing")
        let owner = try await app.user("owner@example.org", role: .submitter, name: "Olivia Owner")
        try await app.services.members.saveSeat(userId: ada.id, external: false, position: .chair, voting: true, termStart: nil,
                                                termEnd: nil, by: .system())
        return CommitteeFixture(app: app, admin: admin, secretary: secretary, ada: ada, bob: bob, carol: carol, turing: turing, owner: owner)
    }

    /// A case of the project owner, submitted and put in review with these reviewers, assigned by the secretary.
    func caseInReview(title: String, confidential: Bool = false, reviewers: [User]) async throws -> Int64 {
        try await Self.caseInReview(app, title: title, confidential: confidential, owner: owner, reviewers: reviewers, by: secretary)
    }

    /// A case moved to review with reviewers assigned by `secretary` (any app, any owner).
    static func caseInReview(_ app: TestApp, title: String, confidential: Bool, owner: User, reviewers: [User],
                             by secretary: User) async throws -> Int64 {
        let draft = CaseDraft(title: title, team: "Customer care", vendor: "", kind: .tool, customerFacing: false, personalData: false,
                              confidential: confidential, description: "About \(title).", answers: [:], notes: [:])
        let id = try await app.services.cases.create(draft, descriptionHTML: "<p>About</p>", submitterId: owner.id, by: .system())
        try await app.services.cases.move(id: id, from: .draft, to: .submitted, transition: .submit, by: .system())
        let actor = AuditActor(id: secretary.id, label: secretary.email, client: "")
        for reviewer in reviewers {
            try await app.services.caseReviews.assign(caseId: id, userId: reviewer.id, dueOn: "2030-12-31", by: actor)
        }
        return id
    }
}
