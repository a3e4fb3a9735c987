import GRDB

extension MemberStore {
    /// `InterestMatch` as a scalar subquery: the organisation of the first current interest of the user in column
    /// `userColumn` that matches `team` and `vendor`, or NULL. Its arguments are returned alongside, in order.
    static func matchingInterest(userColumn: String, team: String, vendor: String) -> (String, StatementArguments) {
        ("""
        (SELECT i.organisation FROM declared_interests i WHERE i.user_id = \(userColumn) AND i.withdrawn_at IS NULL
            AND ((? <> '' AND instr(lower(?), lower(i.organisation)) > 0) OR (? <> '' AND instr(lower(i.organisation), lower(?)) > 0)
              OR (? <> '' AND instr(lower(?), lower(i.organisation)) > 0) OR (? <> '' AND instr(lower(i.organisation), lower(?)) > 0))
            ORDER BY i.id LIMIT 1)
        """, [team, team, team, team, vendor, vendor, vendor, vendor])
    }
}
