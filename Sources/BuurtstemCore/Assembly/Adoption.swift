public import Statuut

/// What an adopted decision does (the rule; the store records it): a social shareholder's veto
/// stops it taking effect; an adopted statute amendment becomes a new statute version from its own
/// date, never before the day after the assembly that adopted it (that assembly, its ballots and
/// its minutes stay under the version they were held under), and not on a day another version
/// already starts.
public enum Adoption: Sendable, Hashable {
    /// A veto right stopped it: adopted, but it does not take effect.
    case vetoed(by: String)
    /// It takes effect; nothing more to record.
    case takesEffect
    /// The amendment becomes the statute from `validFrom`.
    case newStatute(Statute, validFrom: CivilDate)
    /// The amendment's day is taken by another version: it is not adopted as a version.
    case statuteDateTaken(CivilDate)

    /// The effect of adopting `proposal` of `kind` at `assembly`. `amendment` is the compiled text
    /// of an amendment (nil for any other decision); `versionStarts` the days versions already start.
    public static func effect(
        of proposal: Proposal, kind: DecisionKind, at assembly: Assembly, statute: Statute, responses: [ShareholderResponse], amendment: Statute?,
        versionStarts: Set<CivilDate>
    ) -> Adoption {
        if let veto = ProposalRules(statute: statute).vetoedBy(proposal, responses: responses) { return .vetoed(by: veto.shareholder) }
        guard kind.name == DecisionKind.amendment, let amendment else { return .takesEffect }
        let dayAfter = assembly.date.adding(days: 1)
        let effective = max(amendment.validFrom ?? dayAfter, dayAfter)
        return versionStarts.contains(effective) ? .statuteDateTaken(effective) : .newStatute(amendment, validFrom: effective)
    }
}
