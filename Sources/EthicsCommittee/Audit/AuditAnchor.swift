import Crypto
import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Anchors the hash chain outside the database. The chain alone needs no secret: whoever can write the
/// SQLite file can drop the last entries, or rewrite one and recompute every later hash. So after each
/// commit that added entries, the head (last id and hash) is appended to an append-only anchor file with an
/// HMAC-SHA256 under a key kept in its own file (created 0600, never in the database). Verification then
/// checks that every anchored head is still in the chain, and that the chain neither ends before the last
/// anchored head (truncation) nor runs past it (entries written around the app).
///
/// Lines: `A <id> <hash> <mac>` once, when anchoring starts (entries up to `id` were written before it, and
/// are protected from then on only), then `H <id> <hash> <mac>` per commit, and `R <id> <hash> <mac>` when
/// `ethics restore` put a backup in place: the trail was deliberately taken back to that head, so heads
/// anchored after it before the restore belong to the lost history (see `heads(_:)`).
public final class AuditAnchor: Sendable {
    /// Where the key and the anchor file live; by default beside the database.
    public struct Files: Sendable, Equatable {
        public var key: String
        public var anchor: String
        public init(key: String, anchor: String) { self.key = key; self.anchor = anchor }
        public static func beside(database path: String) -> Files {
            Files(key: path + ".audit-key", anchor: path + ".audit-anchor")
        }
    }

    public enum Kind: String, Sendable {
        case adoption = "A", head = "H", restore = "R"
    }

    public struct Record: Sendable, Equatable {
        public let kind: Kind
        public let id: Int64
        public let hash: String
        public let mac: String
        public var line: String { "\(kind.rawValue) \(id) \(hash) \(mac)" }
    }

    public let files: Files
    private let key: [UInt8]

    init(files: Files, key: [UInt8]) { self.files = files; self.key = key }

    /// Loads the key (creating key and anchor file together the first time, anchoring the current head) and
    /// registers the observer that anchors each later commit. Refuses to start when the anchor file exists
    /// but its key is gone: a new key would silently disown every record.
    static func attach(_ files: Files, to writer: any DatabaseWriter) throws -> AuditAnchor {
        let manager = FileManager.default
        let keyExists = manager.fileExists(atPath: files.key), anchorExists = manager.fileExists(atPath: files.anchor)
        if !keyExists && anchorExists { throw AuditKeyMissing(files: files) }
        let anchor: AuditAnchor
        if keyExists {
            anchor = AuditAnchor(files: files, key: try readKey(files.key))
        } else {
            let key = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
            let folder = URL(fileURLWithPath: files.key).deletingLastPathComponent()
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            guard manager.createFile(atPath: files.key, contents: Data(hex(key).utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: files.key])
            }
            anchor = AuditAnchor(files: files, key: key)
        }
        writer.add(transactionObserver: AuditAnchorObserver(anchor: anchor), extent: .databaseLifetime)
        if !anchorExists {
            let head = try writer.read { db in try AuditStore.head(db) }
            try anchor.append(.adoption, id: head.id, hash: head.hash)
            if head.id > 0 {
                // Leaves a trace in the trail itself: removing key and anchor to start afresh shows here.
                try writer.write { db in
                    try AuditStore.append(db, by: .system(), action: "audit.anchored", detail: "entries 1–\(head.id) written before anchoring",
                                          at: Date())
                }
            }
        }
        return anchor
    }

    func mac(_ kind: Kind, id: Int64, hash: String) -> String {
        let message = "\(kind.rawValue) \(id) \(hash)"
        return Self.hex(Array(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: key))))
    }

    /// Appends one record and flushes it to disk (O_APPEND: concurrent writers never overwrite each other).
    func append(_ kind: Kind, id: Int64, hash: String) throws {
        let record = Record(kind: kind, id: id, hash: hash, mac: mac(kind, id: id, hash: hash))
        let bytes = Array((record.line + "\n").utf8)
        #if canImport(Glibc)
        let fd = Glibc.open(files.anchor, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        #else
        let fd = Darwin.open(files.anchor, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        #endif
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: files.anchor]) }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: files.anchor])
        }
    }

    /// The anchor file's records, each MAC checked; a problem names the first bad line.
    func records() -> Result<[Record], AuditAnchorProblem> {
        guard let text = try? String(contentsOfFile: files.anchor, encoding: .utf8) else { return .failure(.anchorMissing) }
        var records: [Record] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ")
            guard parts.count == 4, let kind = Kind(rawValue: String(parts[0])), let id = Int64(parts[1]) else {
                return .failure(.forgedRecord(line: index + 1))
            }
            let record = Record(kind: kind, id: id, hash: String(parts[2]), mac: String(parts[3]))
            guard Self.constantTimeEqual(record.mac, mac(kind, id: id, hash: record.hash)) else {
                return .failure(.forgedRecord(line: index + 1))
            }
            records.append(record)
        }
        guard records.first?.kind == .adoption else { return .failure(.notAnchoredFromStart) }
        return .success(records)
    }

    /// Every hash anchored for each id, as the records stand after restores: a restore record drops the heads
    /// anchored beyond it (history the restore deliberately gave up) and anchors the restored head. A second,
    /// different hash for one id therefore still means an entry was rewritten, or an id reused after a cut.
    static func heads(_ records: [Record]) -> [Int64: Set<String>] {
        var heads: [Int64: Set<String>] = [:]
        for record in records {
            if record.kind == .restore { heads = heads.filter { $0.key < record.id }; heads[record.id] = [] }
            heads[record.id, default: []].insert(record.hash)
        }
        return heads
    }

    /// Anchors a restored head before the restored database is opened, so the restore is one signed, visible
    /// step rather than a truncation; returns the last head anchored before it (what the trail reached, even
    /// when the database itself was lost). Nothing to do when this installation has no anchor yet: opening adopts.
    static func recordRestore(_ files: Files, id: Int64, hash: String) throws -> Int64? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: files.anchor) else { return nil }
        guard manager.fileExists(atPath: files.key) else { throw AuditKeyMissing(files: files) }
        let anchor = AuditAnchor(files: files, key: try readKey(files.key))
        let reached = (try? anchor.records().get()).flatMap { heads($0).keys.max() }
        try anchor.append(.restore, id: id, hash: hash)
        return reached
    }

    static func readKey(_ path: String) throws -> [UInt8] {
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex, let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex),
              let byte = UInt8(text[index..<next], radix: 16) {
            bytes.append(byte); index = next
        }
        guard bytes.count >= 32, index == text.endIndex else { throw AuditKeyMissing(files: Files(key: path, anchor: "")) }
        return bytes
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Anchors the head after each commit that inserted audit entries. GRDB calls it on the writer's queue, one
/// transaction at a time, so its flag needs no lock.
final class AuditAnchorObserver: TransactionObserver, @unchecked Sendable {
    let anchor: AuditAnchor
    private var inserted = false

    init(anchor: AuditAnchor) { self.anchor = anchor }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let table) = eventKind { return table == "audit_log" }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) { inserted = true }

    func databaseDidCommit(_ db: Database) {
        guard inserted else { return }
        inserted = false
        // A failure leaves the newest entries unanchored, which verification reports.
        if let head = try? AuditStore.head(db) { try? anchor.append(.head, id: head.id, hash: head.hash) }
    }

    func databaseDidRollback(_ db: Database) { inserted = false }
}

/// The anchor file exists but its key does not: restore the key, or move the anchor file away to start anew.
public struct AuditKeyMissing: Error, CustomStringConvertible {
    public let files: AuditAnchor.Files
    public var description: String {
        "The audit key \(files.key) is missing or unreadable while the anchor file \(files.anchor) exists. "
            + "Restore the key; or, to start a new anchor (the trail will show it), move the anchor file away."
    }
}
