/// Reading numbers, shares, quorums and majorities from a rule line, with their diagnostics.
extension Analysis {
    // MARK: Shared value readers

    /// A whole number that must be at least 1; reports 0.
    mutating func positive(_ node: RuleNode, _ name: String, what: String) -> Int {
        let value = node.int(name) ?? 1
        if value < 1 {
            diagnostics.append(Diagnostic(.invalidNumber, "\(what) must be at least 1", at: node.span(of: name)))
        }
        return value
    }

    /// A share (fraction or percentage) that must lie in (0, 1]; nil (reported) otherwise.
    /// With `allowAboveOne`, values above one are returned for the caller to judge.
    mutating func share(_ node: RuleNode, allowAboveOne: Bool = false) -> Fraction? {
        guard case .share(let n, let d, let percent)? = node.captures["share"]?.value else { return nil }
        let span = node.span(of: "share")
        let written = percent ? "\(n)%" : "\(n)/\(d)"
        guard d > 0, let fraction = Fraction(n, d) else {
            diagnostics.append(Diagnostic(.fractionOutOfRange, "\(written) is not a fraction: it divides by zero", at: span))
            return nil
        }
        if n == 0 {
            diagnostics.append(
                Diagnostic(
                    .fractionOutOfRange, "\(written) is zero; a share must be more than 0", at: span,
                    hint: "shares lie between 0 (exclusive) and 1 (inclusive), e.g. 1/2 or 10%"))
            return nil
        }
        if n > d, !allowAboveOne {
            diagnostics.append(
                Diagnostic(
                    .fractionOutOfRange, "\(written) is more than the whole", at: span,
                    hint: "shares lie between 0 (exclusive) and 1 (inclusive), e.g. 2/3 or 75%"))
            return nil
        }
        return fraction
    }

    /// A quorum rule; a share above all members is reported as a quorum that can never be met.
    mutating func quorumRule(_ node: RuleNode) -> QuorumRule? {
        let countsProxies = node.string("presence") == "represented"
        if node.form == .quorumCount {
            let count = node.int("count") ?? 0
            if count == 0 {
                diagnostics.append(
                    Diagnostic(
                        .irrelevantSetting, "a quorum of 0 members is always met", at: node.span(of: "count"),
                        hint: "remove the rule if there is no quorum"))
            }
            return QuorumRule(threshold: .members(count), countsProxies: countsProxies)
        }
        guard let fraction = share(node, allowAboveOne: true) else { return nil }
        if fraction > .one {
            diagnostics.append(
                Diagnostic(
                    .quorumNeverMet, "this quorum can never be met: it asks for more than all members", at: node.span(of: "share"),
                    hint: "a quorum is at most 100% of the members"))
            return nil
        }
        return QuorumRule(threshold: .share(fraction), countsProxies: countsProxies)
    }

    /// A majority rule from `strict`, `share` and `base` captures.
    mutating func majorityRule(_ node: RuleNode) -> MajorityRule? {
        guard let fraction = share(node) else { return nil }
        let strict = node.string("strict") == "strict"
        if strict, fraction == .one {
            diagnostics.append(
                Diagnostic(
                    .majorityNeverMet, "more than all votes can never be reached", at: node.span(of: "strict").union(node.span(of: "share")),
                    hint: node.language == .nl ? "for unanimity write `minstens 1/1`" : "for unanimity write `at least 1/1`"))
            return nil
        }
        let base: MajorityBase
        switch node.string("base") {
        case "present": base = .membersPresent
        case "all": base = .allMembers
        default: base = .votesCast
        }
        return MajorityRule(share: fraction, strict: strict, base: base)
    }
}
