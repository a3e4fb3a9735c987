import Foundation
import GRDB

/// One line of the audit trail: who did what, when, to which record, from where.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actorId: Int64?
    public var actor: String
    public var action: String
    public var targetType: String
    public var targetId: String
    public var detail: String
    public var client: String
    public var prevHash: String
    public var hash: String

    /// The hash of an entry covers every field but its own id and hash, and the previous hash.
    static func chainHash(prev: String, at: String, actorId: Int64?, actor: String, action: String,
                          targetType: String, targetId: String, detail: String, client: String) -> String {
        let fields = [prev, at, actorId.map(String.init) ?? "", actor, action, targetType, targetId, detail, client]
        // Length-prefixed so that moving text between fields changes the hash.
        return Tokens.sha256Hex(fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|"))
    }
}

extension AuditEntry: FetchableRecord {
    public init(row: Row) {
        id = row["id"]; at = row["at"]; actorId = row["actor_id"]; actor = row["actor"]
        action = row["action"]; targetType = row["target_type"]; targetId = row["target_id"]
        detail = row["detail"]; client = row["client"]; prevHash = row["prev_hash"]; hash = row["hash"]
    }
}

/// Who acts, as the audit trail names them.
public struct AuditActor: Sendable {
    public var id: Int64?
    public var label: String
    public var client: String
    public init(id: Int64?, label: String, client: String) {
        self.id = id; self.label = label; self.client = client
    }
    public static func system(_ label: String = "system") -> AuditActor { AuditActor(id: nil, label: label, client: "") }
}
