import Foundation
@testable import EthicsCommittee

/// What the export-stream tests share: an app with the three people an archive is written for (the secretary who
/// exports everything, Ada the member whose export the access rule trims, the project owner), one moment for every row,
/// and the ids a CSV lists.
enum ExportFixture {
    /// Two full batches of 500 and a partial one.
    static let count = 1_234
    static let at = "2026-11-18T09:00:00.000Z"

    static func people() async throws -> (app: TestApp, secretary: User, ada: User, owner: User) {
        let app = try await TestApp.make()
        let secretary = try await app.user("sec@example.org", role: .secretary)
        let ada = try await app.user("ada@example.org", role: .member)
        let owner = try await app.user("owner@example.org", role: .submitter)
        return (app, secretary, ada, owner)
    }

    /// The first column of every data row (after the header).
    static func csvIds(_ body: String) -> [Int64] {
        body.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.compactMap { Int64($0.prefix { $0 != "," }) }
    }
}
