import GRDB

/// When a declared interest matches a case: the one rule, used to flag a reviewer candidate and to ask a written
/// procedure's voter to declare they have no conflict. A current (not withdrawn) interest matches when its
/// organisation names the case's submitting team or vendor, or is named by them (case-insensitive, either way
/// round, empty names never match).
enum InterestMatch {
    /// A scalar subquery: the organisation of the first interest of the user in column `userColumn` that matches
    /// `team` and `vendor`, or NULL. Its arguments are returned alongside, in order.
    static func organisationSQL(userColumn: String, team: String, vendor: String) -> (String, StatementArguments) {
        ("""
        (SELECT i.organisation FROM declared_interests i WHERE i.user_id = \(userColumn) AND i.withdrawn_at IS NULL
            AND ((? <> '' AND instr(lower(?), lower(i.organisation)) > 0) OR (? <> '' AND instr(lower(i.organisation), lower(?)) > 0)
              OR (? <> '' AND instr(lower(?), lower(i.organisation)) > 0) OR (? <> '' AND instr(lower(i.organisation), lower(?)) > 0))
            ORDER BY i.id LIMIT 1)
        """, [team, team, team, team, vendor, vendor, vendor, vendor])
    }

    /// The same rule in Swift, for one interest (tests check both agree).
    static func matches(organisation: String, team: String, vendor: String) -> Bool {
        let organisation = organisation.lowercased()
        return [team, vendor].contains { name in
            let name = name.lowercased()
            return !name.isEmpty && (name.contains(organisation) || organisation.contains(name))
        }
    }
}
