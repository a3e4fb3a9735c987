import EthicsCommittee
import Foundation
import GRDB

/// The stores the demo writes through, all reading the demo clock.
struct DemoWorld: Sendable {
    let db: AppDatabase
    let options: DemoOptions
    let passwordHash: String
    let clock: DemoClock
    let users: UserStore
    let members: MemberStore
    let charter: CharterStore
    let settings: SettingsStore
    let cases: CaseStore
    let reviews: CaseReviewStore
    let decisions: CaseDecisionStore
    /// The last moment a step may happen: the evening before `options.today`.
    let end: Date

    init(db: AppDatabase, options: DemoOptions, passwordHash: String) {
        self.db = db; self.options = options; self.passwordHash = passwordHash
        end = DemoDate.startOfDay(options.today) - 3600
        let clock = DemoClock(end)
        self.clock = clock
        let appClock = clock.appClock
        users = UserStore(db: db, clock: appClock)
        members = MemberStore(db: db, clock: appClock)
        charter = CharterStore(db: db, clock: appClock)
        settings = SettingsStore(db: db, clock: appClock)
        cases = CaseStore(db: db, clock: appClock)
        reviews = CaseReviewStore(db: db, clock: appClock)
        decisions = CaseDecisionStore(db: db, clock: appClock)
    }

    /// `days` before the end, as a date.
    func daysAgo(_ days: Double) -> Date { end - days * DemoDate.day }
}

/// Ids the steps learn as they run (a case's id once created, its open question, its conditions).
final class DemoState: @unchecked Sendable {
    private let lock = NSLock()
    private var caseIds: [Int: Int64] = [:]
    private var questionIds: [Int: Int64] = [:]
    private var conditionIds: [Int: [Int64]] = [:]
    private var people: [String: Int64] = [:]
    private var systems: [String: Int64] = [:]

    func caseId(_ script: Int) -> Int64 { lock.withLock { caseIds[script]! } }
    /// The case's id if the case exists yet (its creation step has run).
    func existingCaseId(_ script: Int) -> Int64? { lock.withLock { caseIds[script] } }
    func setCase(_ script: Int, _ id: Int64) { lock.withLock { caseIds[script] = id } }
    func questionId(_ script: Int) -> Int64 { lock.withLock { questionIds[script]! } }
    func setQuestion(_ script: Int, _ id: Int64) { lock.withLock { questionIds[script] = id } }
    func conditionIds(_ script: Int) -> [Int64] { lock.withLock { conditionIds[script] ?? [] } }
    func setConditions(_ script: Int, _ ids: [Int64]) { lock.withLock { conditionIds[script] = ids } }
    /// Account ids by e-mail, known once the account is created.
    func userId(_ email: String) -> Int64 { lock.withLock { people[email]! } }
    func setUser(_ email: String, _ id: Int64) { lock.withLock { people[email] = id } }
    /// A registered system's id by name (nil when its registration was skipped).
    func systemId(_ name: String) -> Int64? { lock.withLock { systems[name] } }
    func setSystem(_ name: String, _ id: Int64) { lock.withLock { systems[name] = id } }
}

/// Ids a script learns as its steps run, by the script's own numbering (a meeting's place in the plan, a deliverable's
/// or an incident's in its list): a later step reads what an earlier one created.
final class DemoIds: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [Int: Int64] = [:]
    /// The id once its creating step has run (nil when that step skipped it).
    func find(_ index: Int) -> Int64? { lock.withLock { ids[index] } }
    func get(_ index: Int) -> Int64 { find(index)! }
    func set(_ index: Int, _ id: Int64?) { lock.withLock { ids[index] = id } }
}

/// One step of the demo's history, at its moment.
struct DemoEvent: Sendable {
    enum Work: Sendable {
        /// Runs inside a batch transaction (cases, audit entries).
        case inTransaction(@Sendable (Database, DemoState) throws -> Void)
        /// Calls a store's own write method (accounts, profiles, charter).
        case alone(@Sendable (DemoState) async throws -> Void)
    }
    let at: Date
    /// Audit entries the step appends (the large run pads the trail to its target with sign-ins).
    let audits: Int
    let work: Work
}

extension DemoEvent {
    /// A step that calls a store's own write method, outside the batch transactions.
    static func alone(_ at: Date, audits: Int = 1, _ work: @escaping @Sendable (DemoState) async throws -> Void) -> DemoEvent {
        DemoEvent(at: at, audits: audits, work: .alone(work))
    }
}

/// What a scale produces: the history to write and the accounts to print.
struct DemoPlan: Sendable {
    var events: [DemoEvent] = []
    var signIn: [DemoReport.Account] = []
}

/// Writes the history in time order: steps that run in a transaction are batched, the others run alone.
struct DemoRunner: Sendable {
    let world: DemoWorld
    let batchSize: Int

    func run(_ events: [DemoEvent], progress: @Sendable (String) -> Void) async throws {
        let ordered = events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        let state = DemoState(), clock = world.clock
        var batch: [DemoEvent] = []
        var written = 0
        func flush() async throws {
            guard !batch.isEmpty else { return }
            let steps = batch
            batch = []
            try await world.db.writer.write { db in
                for step in steps {
                    clock.set(step.at)
                    if case .inTransaction(let work) = step.work { try work(db, state) }
                }
            }
            written += steps.count
            if written % (batchSize * 10) < steps.count || written == ordered.count { progress("  \(written) of \(ordered.count) steps written") }
        }
        for event in ordered {
            switch event.work {
            case .inTransaction:
                batch.append(event)
                if batch.count >= batchSize { try await flush() }
            case .alone(let work):
                try await flush()
                clock.set(event.at)
                try await work(state)
                written += 1
            }
        }
        try await flush()
        clock.set(world.end)
    }
}
