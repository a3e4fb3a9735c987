/// Art. 5 of the AI Act as a rule of the committee: a case classified as a prohibited practice never receives
/// a favourable opinion (with or without conditions). Applied where every decision is recorded
/// (`CaseDecisionStore.decide`), whichever path reaches it: the decision form, a meeting's vote, a written procedure.
public enum AIActDecisionRule {
    /// The catalogue key of the refusal naming the first prohibited point ("Art. 5(1)(f)"), or nil when allowed.
    public static func refusalKey(outcome: DecisionOutcome, prohibitedPoints: [String]) -> String? {
        guard outcome == .favourable || outcome == .conditions, let point = prohibitedPoints.first else { return nil }
        return key(point)
    }

    /// "Art. 5(1)(f)" → "aiact_refusal_prohibited_f".
    static func key(_ point: String) -> String {
        let letter = point.dropLast().last.map(String.init) ?? ""
        return "aiact_refusal_prohibited_" + (letters.contains(letter) ? letter : "a")
    }

    static let letters = ["a", "b", "c", "d", "e", "f", "g", "h"]

    /// Art. 27: a case whose classification requires a fundamental-rights impact assessment is not decided
    /// favourably until one is written (the decision then records the version it was taken on).
    public static let friaMissingKey = "aiact_refusal_fria_missing"
}
