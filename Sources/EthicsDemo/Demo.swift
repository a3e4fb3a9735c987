import EthicsCommittee
import Foundation

/// How much demo data to make: `small` is a committee a newcomer can explore, `large` is for load tests.
public enum DemoScale: String, Sendable, CaseIterable {
    case small, large
}

/// The counts of a large run (tests pass smaller ones).
public struct DemoSize: Sendable, Equatable {
    public var cases: Int
    public var members: Int
    public var auditEntries: Int
    public var meetings: Int
    public var deliverables: Int
    public init(cases: Int, members: Int, auditEntries: Int, meetings: Int = 0, deliverables: Int = 0) {
        self.cases = cases; self.members = members; self.auditEntries = auditEntries
        self.meetings = meetings; self.deliverables = deliverables
    }
    /// What the load benchmark runs on (issue 3): 10,000 cases, 200 members, 500 meetings, 200,000 audit entries.
    public static let large = DemoSize(cases: 10_000, members: 200, auditEntries: 200_000, meetings: 500, deliverables: 300)
}

/// Everything a run can be told; the defaults are those of `ethics demo`.
public struct DemoOptions: Sendable {
    public var scale: DemoScale
    public var size: DemoSize
    /// Same seed, same committee: runs compare.
    public var seed: UInt64 = 2026
    /// The day the data leads up to (terms ending soon, overdue reviews are counted from it).
    public var today: Date = Date()
    /// bcrypt cost of the one demo password hash (tests lower it).
    public var passwordCost: UInt8 = 12
    /// Steps written per transaction.
    public var batchSize = 5_000
    /// Where case attachments are written (the server's attachments folder); none are made without one.
    public var attachmentsDirectory: String?

    public init(scale: DemoScale, size: DemoSize = .large) {
        self.scale = scale; self.size = size
    }
}

/// What a run made, to print at the end.
public struct DemoReport: Sendable {
    public struct Account: Sendable {
        public let role: Role
        public let name: String
        public let email: String
        public let about: String
    }
    /// The accounts to sign in with (all of them at small scale, one per role at large scale).
    public let accounts: [Account]
    public let accountCount: Int
    public let password: String
    public let casesByStatus: [(CaseStatus, Int)]
    public let members: Int
    public let externalMembers: Int
    public let charterVersions: Int
    public let auditEntries: Int
    public let meetings: Int
    public let approvedMinutes: Int
    public let deliverables: Int
    public let attachments: Int
    public let seconds: Double
    /// What the demo does not generate yet (it was written before these features landed).
    public let skipped: [String]
}

/// The database already has accounts: the demo only fills a fresh one.
public struct DemoRefusal: Error, CustomStringConvertible {
    public let accounts: Int
    public var description: String {
        "This database already has \(accounts) account(s); the demo only fills a fresh database. "
            + "Choose a new file, e.g. --db data/demo.sqlite."
    }
}

/// The demo data generator: a realistic committee, written through the stores so every row is
/// consistent and every change audited.
public enum Demo {
    /// The one demo password (8–72 bytes, not a common one).
    public static let password = "ethics-demo-2026"

    public static func generate(db: AppDatabase, options: DemoOptions,
                                progress: @Sendable (String) -> Void = { _ in }) async throws -> DemoReport {
        let started = Date()
        let existing = try await UserStore(db: db).all().count
        guard existing == 0 else { throw DemoRefusal(accounts: existing) }
        precondition(PasswordProblem.check(password, confirmation: password) == nil, "the demo password breaks the password rules")
        progress("Hashing the demo password (bcrypt cost \(options.passwordCost))…")
        let hash = try await PasswordHasher(cost: options.passwordCost).hash(password)

        let world = DemoWorld(db: db, options: options, passwordHash: hash)
        let plan = options.scale == .small ? DemoSmall.plan(world) : DemoLarge.plan(world)
        progress("Writing \(plan.events.count) steps…")
        let runner = DemoRunner(world: world, batchSize: options.batchSize)
        try await db.bulkLoad { try await runner.run(plan.events, progress: progress) }
        // A case whose classification requires a fundamental-rights impact assessment, written (Art. 27).
        if options.scale == .small { try await DemoFRIA.add(world) }

        let counts = try await DemoStore(db: db).counts()
        return DemoReport(
            accounts: plan.signIn, accountCount: counts.accounts, password: password,
            casesByStatus: CaseStatus.allCases.map { ($0, counts.casesByStatus[$0] ?? 0) },
            members: counts.members, externalMembers: counts.externalMembers, charterVersions: counts.charterVersions,
            auditEntries: counts.auditEntries, meetings: counts.meetings, approvedMinutes: counts.approvedMinutes,
            deliverables: counts.deliverables, attachments: counts.attachments, seconds: Date().timeIntervalSince(started),
            skipped: options.attachmentsDirectory == nil ? ["case attachments (no attachments folder given)"] : [])
    }
}
