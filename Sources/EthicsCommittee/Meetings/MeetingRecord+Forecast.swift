import Foundation

extension MeetingRecord {
    /// Each invitee's answer to the invitation (nil: none yet).
    var answers: [Int64: RSVP?] {
        Dictionary(invitees.map { ($0.userId, $0.rsvp) }, uniquingKeysWith: { first, _ in first })
    }

    /// The quorum forecast of an item: recusals and matching declared interests both keep a member out.
    func forecast(_ item: AgendaItem, _ settings: Settings) -> QuorumForecast.Result {
        let conflicted = item.caseId.flatMap { conflicts[$0] } ?? []
        return QuorumForecast.forecast(rule: settings.quorumRule, requiresExternal: settings.quorumRequiresExternal,
                                       voters: voters.map { Quorum.Voter(id: $0.userId, external: $0.external) }, answers: answers,
                                       recused: recused(item).union(conflicted))
    }

    /// Forecast lines for the undecided items that will not be quorate: "Item 3 will not be quorate: …".
    func forecastProblems(_ settings: Settings, _ messages: Messages) -> [String] {
        items.enumerated().compactMap { index, item in
            guard item.decidedAt == nil else { return nil }
            let result = forecast(item, settings)
            return result.quorate ? nil : QuorumForecastText.line(number: index + 1, result, messages)
        }
    }
}

/// The forecast in words, from the catalogue.
enum QuorumForecastText {
    static func counts(_ result: QuorumForecast.Result, _ messages: Messages) -> String {
        messages.fill(.forecast_counts, [
            "voters": String(result.voters), "recused": String(result.recused), "excused": String(result.excused),
            "expected": String(result.expected), "confirmed": String(result.confirmed), "needed": String(result.needed),
        ])
    }

    static func line(number: Int, _ result: QuorumForecast.Result, _ messages: Messages) -> String {
        let key = result.quorate ? "forecast_item_ok" : "forecast_item_not_quorate"
        var text = Catalog.fill(messages[runtime: key] ?? "", ["number": String(number), "counts": counts(result, messages)])
        if case .refused("quorum_no_external") = result.outcome { text += " " + messages[.quorum_no_external] }
        return text
    }
}
