extension Analysis {
    /// After all articles are read: required rules, cross-references, defaults, and the model.
    mutating func finish(_ tree: SyntaxTree) {
        let headerSpan = header?.keywordSpan ?? tree.items.first?.keywordSpan ?? SourceSpan(line: 1, start: 0, end: 0)
        let law = { (s: LegalSource) in Provenance.legalDefault(s) }

        if header != nil, legalForm == nil, !tree.failedForms.contains(.legalForm) {
            diagnostics.append(
                Diagnostic(
                    .missingRequiredRule, "the statute does not state its legal form", at: headerSpan,
                    hint: language == .nl
                        ? "indent `rechtsvorm vereniging` (or `coöperatie`, `informele vereniging`) under this line"
                        : "indent `legal form association` (or `cooperative`, `informal association`) under this line"))
        }
        if membership == nil, !tree.failedForms.contains(.membership) {
            diagnostics.append(
                Diagnostic(
                    .missingRequiredRule, "the statute does not say who is a member", at: headerSpan,
                    hint: language == .nl
                        ? "add e.g. `lidmaatschap automatisch voor bewoners van Wijk` to an article"
                        : "add e.g. `membership automatic for residents of District` to an article"))
        }
        if notice == nil, !tree.failedForms.contains(.notice) {
            diagnostics.append(
                Diagnostic(
                    .missingRequiredRule, "the statute does not set a notice period for assemblies", at: headerSpan,
                    hint: (language == .nl
                        ? "add e.g. `oproeping minstens 14 dagen voor de vergadering`; "
                        : "add e.g. `notice at least 14 days before the assembly`; ")
                        + "\(LegalDefaults.noticeRequired.citation): \(LegalDefaults.noticeRequired.en)"))
        }

        // Areas: the membership area must exist; every area should be used.
        if let membership {
            let areaName = membership.rule.value.areaName
            if !areas.contains(where: { $0.name == areaName }) {
                let suggestion = Suggestion.closest(to: areaName, among: areas.map { $0.name.lowercased() })
                    .flatMap { s in areas.first { $0.name.lowercased() == s }?.name }
                diagnostics.append(
                    Diagnostic(
                        .undefinedArea, "no area is named \(areaName)", at: membership.node.span(of: "area"),
                        hint: suggestion.map { "did you mean `\($0)`?" }
                            ?? (language == .nl ? "define it with a `gebied \(areaName)` block" : "define it with an `area \(areaName)` block")))
            }
            if membership.rule.value.mode == .automatic, let node = admissionNode {
                diagnostics.append(
                    Diagnostic(
                        .irrelevantSetting, "admission rules have no effect: every resident of the area is a member automatically",
                        at: node.span, hint: "remove the line, or make membership opt-in"))
            }
        }
        let membershipResolved = membership.map { m in areas.contains { $0.name == m.rule.value.areaName } } ?? false
        for area in areas where membershipResolved && area.name != membership?.rule.value.areaName {
            diagnostics.append(
                Diagnostic(
                    .unusedArea, "the area \(area.name) is defined but not used", at: areaSpans[area.name] ?? headerSpan,
                    hint: "refer to it in the membership rule, or remove it"))
        }

        // Decision kinds referred to by shareholder rights must exist.
        let kindNames = Set([DecisionKind.ordinary, DecisionKind.amendment] + decisionSpecs.map(\.name))
        for (right, node) in rightNodes where !kindNames.contains(right.decisionKind) {
            let suggestion = Suggestion.closest(to: right.decisionKind, among: kindNames.map { DecisionKindNames.name($0, in: node.language) })
            diagnostics.append(
                Diagnostic(
                    .undefinedDecisionKind, "no kind of decision is named \(right.decisionKind)", at: node.span(of: "kind"),
                    hint: suggestion.map { "did you mean `\($0)`?" }
                        ?? (node.language == .nl
                            ? "define it with a `besluit \(right.decisionKind)` block"
                            : "define it with a `decision \(right.decisionKind)` block")))
        }

        // Quorum counting proxies while proxies are not allowed.
        if case .notAllowed? = proxy?.rule.value {
            let quorumNodes = [quorum?.node] + decisionSpecs.map { $0.quorum?.node }
            for case let node? in quorumNodes where node.string("presence") == "represented" {
                diagnostics.append(
                    Diagnostic(
                        .proxyQuorumMismatch, "this quorum counts represented members, but proxies are not allowed",
                        at: node.span(of: "presence"),
                        hint: node.language == .nl ? "write `aanwezig`, or allow proxies" : "write `present`, or allow proxies"))
            }
        }

        guard let legalForm, let membership, let notice else { return }
        let generalQuorum = quorum?.rule ?? Cited(nil, law(LegalDefaults.noQuorum))
        let kinds = decisionKinds(notice: notice.days, generalQuorum: generalQuorum)

        statute = Statute(
            name: name, language: language, legalForm: legalForm, seat: seat,
            versionLabel: versionLabel, validFrom: validFrom, articles: articles,
            areas: areas, membership: membership.rule,
            admission: admission ?? Cited(AdmissionRule(decidedBy: .board, afterIntake: false), law(LegalDefaults.admission)),
            profile: profile,
            resignation: resignation ?? Cited(.endOfFinancialYear(noticeWeeks: 4), law(LegalDefaults.resignation)),
            minimumAge: minimumAge ?? Cited(nil, law(LegalDefaults.noMinimumAge)),
            referenceDate: referenceDate ?? Cited(.dayOfNotice, law(LegalDefaults.referenceDate)),
            assembliesPerYear: assembliesPerYear ?? Cited(1, law(LegalDefaults.assembliesPerYear)),
            longestGapMonths: longestGap ?? Cited(nil, law(LegalDefaults.noGap)),
            noticeDays: notice.days,
            demand: demand ?? Cited(DemandRule(share: .oneTenth, withinWeeks: 4), law(LegalDefaults.demand)),
            quorum: generalQuorum,
            proxy: proxy?.rule ?? Cited(.unlimited, law(LegalDefaults.proxy)),
            decisionKinds: kinds,
            proposers: proposersSource.map { Cited(proposers, $0) } ?? Cited([.board], law(LegalDefaults.proposers)),
            proposalDeadlineDays: proposalDeadline ?? Cited(nil, law(LegalDefaults.noProposalDeadline)),
            outsideMeeting: outsideMeeting
                ?? Cited(.allowed(MajorityRule(share: .one, strict: false, base: .allMembers)), law(LegalDefaults.outsideMeeting)),
            socialShareholders: shareholders,
            board: Cited(board, boardSource ?? law(LegalDefaults.board)),
            organisations: organisations,
            principles: principles,
            annualAccountsMonths: annualAccounts ?? Cited(6, law(LegalDefaults.annualAccounts)))
    }
}
