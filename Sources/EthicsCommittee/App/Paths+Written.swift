/// Written procedures (`WrittenProcedures/`): the list, a free motion's form, a procedure and its voters' acts.
extension Paths {
    static let writtenProcedures = "/written-procedures"
    static let newWrittenMotion = "/written-procedures/new"
    static let writtenProcedurePattern = "/written-procedures/:id"
    static func writtenProcedure(_ id: Int64) -> String { "/written-procedures/\(id)" }
    static let writtenBallotPattern = "/written-procedures/:id/ballot"
    static func writtenBallot(_ id: Int64) -> String { "/written-procedures/\(id)/ballot" }
    static let writtenDeclarationPattern = "/written-procedures/:id/declaration"
    static func writtenDeclaration(_ id: Int64) -> String { "/written-procedures/\(id)/declaration" }
    static let writtenObjectionPattern = "/written-procedures/:id/objection"
    static func writtenObjection(_ id: Int64) -> String { "/written-procedures/\(id)/objection" }
}
