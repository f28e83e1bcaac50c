/// What one `besluit` block states, before defaults are applied.
struct DecisionSpec {
    var name: String
    var source: Provenance
    var nameSpan: SourceSpan
    var majority: MajorityRule?
    var blankVotesCountAsCast: Bool?
    var quorum: (rule: QuorumRule?, node: RuleNode)?
    var tie: TieRule?
    var method: (method: TallyMethod, node: RuleNode)?
    var budget: (budget: Budget, node: RuleNode)?
    var seats: (count: Int, node: RuleNode)?
    var inspection: (days: Int, node: RuleNode)?
    var secondMeetingDays: Int?
    var votesMayBeChanged: Bool?
}

extension Analysis {
    mutating func readDecision(_ node: RuleNode, _ source: Provenance) {
        let written = node.string("kind") ?? ""
        let name = DecisionKindNames.canonical(written)
        if let first = decisionSpecs.first(where: { $0.name == name }) {
            diagnostics.append(
                Diagnostic(
                    .duplicateName, "the decision kind \(written) is defined twice", at: node.span(of: "kind"),
                    hint: "put all rules for \(written) in one `besluit` block",
                    notes: [DiagnosticNote("the first", at: first.nameSpan)]))
            return
        }
        var spec = DecisionSpec(name: name, source: source, nameSpan: node.span(of: "kind"))
        for child in node.childRules {
            let key = "decision:\(name):"
            switch child.form {
            case .majority:
                guard registry.claim(key + "majority", child, what: "the majority for \(written)", diagnostics: &diagnostics) else { continue }
                spec.majority = majorityRule(child)
            case .blankVotes:
                guard registry.claim(key + "blank", child, what: "blank votes for \(written)", diagnostics: &diagnostics) else { continue }
                spec.blankVotesCountAsCast = child.string("counts") == "yes"
            case .quorumCount, .quorumShare:
                guard registry.claim(key + "quorum", child, what: "the quorum for \(written)", diagnostics: &diagnostics) else { continue }
                spec.quorum = (quorumRule(child), child)
            case .tie:
                guard registry.claim(key + "tie", child, what: "ties for \(written)", diagnostics: &diagnostics) else { continue }
                switch child.string("rule") {
                case "chair": spec.tie = .chairDecides
                case "revote": spec.tie = .revote
                default: spec.tie = .rejected
                }
            case .method:
                guard registry.claim(key + "method", child, what: "the method for \(written)", diagnostics: &diagnostics) else { continue }
                if let method = TallyMethod(rawValue: child.string("method") ?? "") { spec.method = (method, child) }
            case .budget:
                guard registry.claim(key + "budget", child, what: "the budget for \(written)", diagnostics: &diagnostics) else { continue }
                guard case .amount(let cents)? = child.captures["amount"]?.value else { continue }
                if cents == 0 {
                    diagnostics.append(Diagnostic(.invalidAmount, "a budget of 0 funds nothing", at: child.span(of: "amount")))
                }
                let period = child.string("period").flatMap(Budget.Period.init(rawValue:))
                spec.budget = (Budget(cents: cents, period: period), child)
            case .seats:
                guard registry.claim(key + "seats", child, what: "the number of seats for \(written)", diagnostics: &diagnostics) else { continue }
                spec.seats = (positive(child, "count", what: "the number of seats"), child)
            case .inspection:
                guard registry.claim(key + "inspection", child, what: "the inspection period for \(written)", diagnostics: &diagnostics) else { continue }
                spec.inspection = (positive(child, "days", what: "the inspection period"), child)
            case .voteChanges:
                guard registry.claim(key + "vote-changes", child, what: "changing votes for \(written)", diagnostics: &diagnostics) else { continue }
                spec.votesMayBeChanged = child.string("allowed") == "yes"
            case .secondMeeting:
                guard registry.claim(key + "second", child, what: "the second meeting for \(written)", diagnostics: &diagnostics) else { continue }
                spec.secondMeetingDays = positive(child, "days", what: "the second meeting's term")
            default:
                break
            }
        }
        if let method = spec.method {
            if method.method.needsBudget, spec.budget == nil, !failedForms.contains(.budget) {
                diagnostics.append(
                    Diagnostic(
                        .methodNeedsSetting, "this method divides a budget, but \(written) has none", at: method.node.span(of: "method"),
                        hint: node.language == .nl ? "add e.g. `budget EUR 25000` to the block" : "add e.g. `budget EUR 25000` to the block"))
            }
            if method.method.needsSeats, spec.seats == nil, !failedForms.contains(.seats) {
                diagnostics.append(
                    Diagnostic(
                        .methodNeedsSetting, "this method fills seats, but \(written) does not say how many", at: method.node.span(of: "method"),
                        hint: node.language == .nl ? "add e.g. `zetels 3` to the block" : "add e.g. `seats 3` to the block"))
            }
        }
        let method = spec.method?.method ?? .yesNo
        if let budget = spec.budget, !method.needsBudget {
            diagnostics.append(
                Diagnostic(
                    .irrelevantSetting, "a budget has no effect with this method", at: budget.node.span,
                    hint: "use a budget method (equal shares or greedy), or remove the budget"))
        }
        if let seats = spec.seats, !method.needsSeats {
            diagnostics.append(
                Diagnostic(
                    .irrelevantSetting, "seats have no effect with this method", at: seats.node.span,
                    hint: "use single transferable vote to fill several seats, or remove the line"))
        }
        decisionSpecs.append(spec)
    }

    mutating func readShareholder(_ node: RuleNode, _ source: Provenance) {
        let name = node.string("name") ?? ""
        if shareholders.contains(where: { $0.name == name }) {
            diagnostics.append(
                Diagnostic(
                    .duplicateName, "the social shareholder \"\(name)\" is named twice", at: node.span(of: "name"),
                    hint: "list all rights of one shareholder in one block"))
            return
        }
        var rights: [ShareholderRight] = []
        for child in node.childRules where child.form == .shareholderRight {
            let kind = ShareholderRight.Kind(rawValue: child.string("right") ?? "") ?? .advice
            let decision = DecisionKindNames.canonical(child.string("kind") ?? "")
            guard registry.claim("right:\(name):\(kind):\(decision)", child, what: "this right", diagnostics: &diagnostics) else { continue }
            let right = ShareholderRight(kind: kind, decisionKind: decision, source: source)
            rights.append(right)
            rightNodes.append((right, child))
        }
        shareholders.append(SocialShareholder(name: name, rights: rights, source: source))
    }

    /// Applies defaults to every decision kind: a kind without a rule of its own follows the
    /// ordinary kind; ordinary decisions and amendments follow the law.
    mutating func decisionKinds(notice: Cited<Int>, generalQuorum: Cited<QuorumRule?>) -> [DecisionKind] {
        let law = { (s: LegalSource) in Provenance.legalDefault(s) }
        let ordinarySpec = decisionSpecs.first { $0.name == DecisionKind.ordinary }
        func cite<T>(_ value: T?, _ spec: DecisionSpec?, else fallback: Cited<T>) -> Cited<T> {
            if let value, let spec { return Cited(value, spec.source) }
            return fallback
        }
        let ordinary = DecisionKind(
            name: DecisionKind.ordinary, definedIn: ordinarySpec?.source,
            majority: cite(
                ordinarySpec?.majority, ordinarySpec,
                else: Cited(MajorityRule(share: .half, strict: true, base: .votesCast), law(LegalDefaults.majority))),
            blankVotesCountAsCast: cite(ordinarySpec?.blankVotesCountAsCast, ordinarySpec, else: Cited(false, law(LegalDefaults.blankVotes))),
            quorum: ordinarySpec?.quorum.map { Cited($0.rule, ordinarySpec!.source) } ?? generalQuorum,
            tie: cite(ordinarySpec?.tie, ordinarySpec, else: Cited(.rejected, law(LegalDefaults.tie))),
            method: cite(ordinarySpec?.method?.method, ordinarySpec, else: Cited(.yesNo, law(LegalDefaults.method))),
            budget: cite(ordinarySpec?.budget?.budget, ordinarySpec, else: Cited(nil, law(LegalDefaults.notStated))),
            seats: cite(ordinarySpec?.seats?.count, ordinarySpec, else: Cited(nil, law(LegalDefaults.notStated))),
            inspectionDays: cite(ordinarySpec?.inspection?.days, ordinarySpec, else: Cited(nil, law(LegalDefaults.notStated))),
            secondMeetingDays: cite(ordinarySpec?.secondMeetingDays, ordinarySpec, else: Cited(nil, law(LegalDefaults.noSecondMeeting))),
            noticeDays: notice,
            votesMayBeChanged: cite(ordinarySpec?.votesMayBeChanged, ordinarySpec, else: Cited(false, law(LegalDefaults.voteChanges))))

        var kinds = [ordinary]
        var specs = decisionSpecs.filter { $0.name != DecisionKind.ordinary }
        if !specs.contains(where: { $0.name == DecisionKind.amendment }) {
            specs.insert(
                DecisionSpec(
                    name: DecisionKind.amendment, source: law(LegalDefaults.amendmentMajority),
                    nameSpan: SourceSpan(line: 0, start: 0, end: 0)), at: 0)
        } else if let index = specs.firstIndex(where: { $0.name == DecisionKind.amendment }) {
            specs.insert(specs.remove(at: index), at: 0)
        }
        for spec in specs {
            let isAmendment = spec.name == DecisionKind.amendment
            let defined = spec.source.isArticle ? spec : nil
            var kind = ordinary
            kind.name = spec.name
            kind.definedIn = defined?.source
            kind.majority = cite(
                spec.majority, defined,
                else: isAmendment
                    ? Cited(MajorityRule(share: .twoThirds, strict: false, base: .votesCast), law(LegalDefaults.amendmentMajority))
                    : ordinary.majority)
            kind.blankVotesCountAsCast = cite(spec.blankVotesCountAsCast, defined, else: ordinary.blankVotesCountAsCast)
            if let q = spec.quorum { kind.quorum = Cited(q.rule, spec.source) }
            kind.tie = cite(spec.tie, defined, else: ordinary.tie)
            kind.method = cite(
                spec.method?.method, defined,
                else: isAmendment
                    ? Cited(.yesNo, law(LegalDefaults.method)) : ordinary.method)
            kind.budget = cite(spec.budget?.budget, defined, else: isAmendment ? Cited(nil, law(LegalDefaults.notStated)) : ordinary.budget)
            kind.seats = cite(spec.seats?.count, defined, else: isAmendment ? Cited(nil, law(LegalDefaults.notStated)) : ordinary.seats)
            kind.secondMeetingDays = cite(spec.secondMeetingDays, defined, else: ordinary.secondMeetingDays)
            kind.votesMayBeChanged = cite(spec.votesMayBeChanged, defined, else: ordinary.votesMayBeChanged)
            if isAmendment {
                if let inspection = spec.inspection, inspection.days < 5 {
                    diagnostics.append(
                        Diagnostic(
                            .belowLegalMinimum, "a statute amendment must be open for inspection at least 5 days before the assembly",
                            at: inspection.node.span(of: "days"), hint: "BW 2:42 lid 2 sets five days; a statute may ask more, not less"))
                }
                kind.inspectionDays = cite(spec.inspection?.days, defined, else: Cited(5, law(LegalDefaults.amendmentInspection)))
                if notice.value < 7 {
                    kind.noticeDays = Cited(7, law(LegalDefaults.amendmentNotice))
                    if let node = self.notice?.node {
                        diagnostics.append(
                            Diagnostic(
                                .againstLegalDefault, "an assembly that amends the statute needs at least 7 days' notice",
                                at: node.span(of: "days"), hint: "BW 2:42 lid 1; Buurtstem will use 7 days for amendments"))
                    }
                }
            } else {
                kind.inspectionDays = cite(spec.inspection?.days, defined, else: ordinary.inspectionDays)
            }
            kinds.append(kind)
        }
        return kinds
    }
}
