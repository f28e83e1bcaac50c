/// Builds the explanation of a statute rule by rule, in one language.
struct ExplanationBuilder {
    let language: Language
    var rules: [ExplainedRule] = []
    var nl: Bool { language == .nl }

    func t(_ dutch: String, _ english: String) -> String { nl ? dutch : english }

    mutating func rule(
        _ id: String, _ topic: (String, String), _ text: (String, String),
        _ source: Provenance, _ value: JSONValue
    ) {
        rules.append(ExplainedRule(id: id, topic: t(topic.0, topic.1), text: t(text.0, text.1), source: source, value: value))
    }

    mutating func add(_ s: Statute) {
        rule(
            "legal-form", ("Rechtsvorm", "Legal form"),
            (
                Explainer.legalFormName(s.legalForm, .nl)
                    + (s.legalForm == .cooperative ? "; de coöperatie drijft een bedrijf ten behoeve van haar leden (BW 2:53)" : ""),
                Explainer.legalFormName(s.legalForm, .en) + (s.legalForm == .cooperative ? "; the cooperative runs a business for its members (BW 2:53)" : "")
            ),
            .header, .string(s.legalForm.rawValue))

        for area in s.areas {
            let inc = area.entries.map { $0.described(in: language) }.joined(separator: "; ")
            let exc = area.exclusions.map { $0.described(in: language) }.joined(separator: "; ")
            let text = exc.isEmpty ? inc : inc + t(", behalve ", ", except ") + exc
            rule(
                "area.\(area.name)", ("Gebied \(area.name)", "Area \(area.name)"), (text, text), area.source,
                .object([
                    "name": .string(area.name),
                    "include": .array(area.entries.map { .string($0.described(in: .nl)) }),
                    "exclude": .array(area.exclusions.map { .string($0.described(in: .nl)) }),
                ]))
        }

        let m = s.membership.value
        rule(
            "membership", ("Lidmaatschap", "Membership"),
            m.mode == .automatic
                ? (
                    "iedere bewoner van \(m.areaName) is automatisch lid, zolang hij of zij daar woont",
                    "every resident of \(m.areaName) is a member automatically, for as long as they live there"
                )
                : (
                    "bewoners van \(m.areaName) worden lid op eigen verzoek, zolang zij daar wonen",
                    "residents of \(m.areaName) become members on request, for as long as they live there"
                ),
            s.membership.source, .object(["mode": .string(m.mode.rawValue), "area": .string(m.areaName)]))
        if m.mode == .optIn {
            let a = s.admission.value
            let body = a.decidedBy == .board ? t("het bestuur", "the board") : t("de algemene vergadering", "the general assembly")
            let intake = a.afterIntake ? t(", na een intakegesprek", ", after an intake interview") : ""
            rule(
                "admission", ("Toelating", "Admission"), ("\(body) beslist over toelating\(intake)", "\(body) decides on admission\(intake)"),
                s.admission.source, .object(["decidedBy": .string(a.decidedBy.rawValue), "afterIntake": .bool(a.afterIntake)]))
            if let profile = s.profile {
                rule(
                    "profile", ("Profiel", "Profile"), ("leden voldoen aan dit profiel: \(profile.value)", "members fit this profile: \(profile.value)"),
                    profile.source, .string(profile.value))
            }
            let resignation: (String, String)
            let resignationJSON: JSONValue
            switch s.resignation.value {
            case .immediately:
                resignation = ("opzegging gaat direct in", "resignation takes effect at once")
                resignationJSON = .object(["kind": .string("immediately")])
            case .afterWeeks(let w):
                resignation = ("opzegging gaat in na \(w) weken", "resignation takes effect after \(w) weeks")
                resignationJSON = .object(["kind": .string("afterWeeks"), "weeks": .int(w)])
            case .endOfFinancialYear(let w):
                resignation = (
                    "opzegging gaat in aan het einde van het boekjaar, met \(w) weken opzegtermijn",
                    "resignation takes effect at the end of the financial year, with \(w) weeks' notice"
                )
                resignationJSON = .object(["kind": .string("endOfFinancialYear"), "noticeWeeks": .int(w)])
            }
            rule("resignation", ("Opzegging", "Resignation"), resignation, s.resignation.source, resignationJSON)
        }
        if let age = s.minimumAge.value {
            rule(
                "minimum-age", ("Minimumleeftijd", "Minimum age"),
                ("leden zijn op de peildatum minstens \(age) jaar oud", "members are at least \(age) years old on the reference date"),
                s.minimumAge.source, .int(age))
        } else {
            rule("minimum-age", ("Minimumleeftijd", "Minimum age"), ("geen", "none"), s.minimumAge.source, .null)
        }
        switch s.referenceDate.value {
        case .daysBeforeAssembly(let d):
            rule(
                "reference-date", ("Peildatum", "Reference date"),
                ("het electoraat wordt vastgesteld \(d) dagen voor de vergadering", "the electorate is fixed \(d) days before the assembly"),
                s.referenceDate.source, .object(["kind": .string("daysBeforeAssembly"), "days": .int(d)]))
        case .dayOfNotice:
            rule(
                "reference-date", ("Peildatum", "Reference date"),
                ("het electoraat wordt vastgesteld op de dag van de oproeping", "the electorate is fixed on the day the notice is sent"),
                s.referenceDate.source, .object(["kind": .string("dayOfNotice")]))
        }

        rule(
            "assemblies-per-year", ("Vergaderingen", "Assemblies"),
            (
                "minstens \(s.assembliesPerYear.value) algemene vergadering\(s.assembliesPerYear.value == 1 ? "" : "en") per kalenderjaar",
                "at least \(s.assembliesPerYear.value) general assembl\(s.assembliesPerYear.value == 1 ? "y" : "ies") per calendar year"
            ),
            s.assembliesPerYear.source, .int(s.assembliesPerYear.value))
        rule(
            "longest-gap", ("Tijd tussen vergaderingen", "Time between assemblies"),
            s.longestGapMonths.value.map { ("hoogstens \($0) maanden", "at most \($0) months") } ?? ("geen grens", "no limit"),
            s.longestGapMonths.source, s.longestGapMonths.value.map(JSONValue.int) ?? .null)
        rule(
            "notice", ("Oproeping", "Notice"),
            ("minstens \(s.noticeDays.value) dagen voor de vergadering", "at least \(s.noticeDays.value) days before the assembly"),
            s.noticeDays.source, .int(s.noticeDays.value))
        let d = s.demand.value
        rule(
            "demand", ("Vergadering op verzoek", "Assembly on demand"),
            (
                "\(share(d.share)) van de leden kan een vergadering verlangen; het bestuur roept die binnen \(d.withinWeeks) weken bijeen",
                "\(share(d.share)) of the members may demand an assembly; the board calls it within \(d.withinWeeks) weeks"
            ),
            s.demand.source, .object(["numerator": .int(d.share.numerator), "denominator": .int(d.share.denominator), "withinWeeks": .int(d.withinWeeks)]))
        rule(
            "quorum", ("Quorum", "Quorum"), (quorumText(s.quorum.value, .nl), quorumText(s.quorum.value, .en)),
            s.quorum.source, quorumJSON(s.quorum.value))
        let proxy: (String, String)
        let proxyJSON: JSONValue
        switch s.proxy.value {
        case .notAllowed:
            proxy = ("stemmen bij volmacht is niet toegestaan", "voting by proxy is not allowed")
            proxyJSON = .object(["allowed": .bool(false)])
        case .atMost(let n):
            proxy = (
                "een aanwezig lid mag voor hoogstens \(n) ander\(n == 1 ? " lid" : "e leden") stemmen, met schriftelijke volmacht",
                "a member present may vote for at most \(n) other member\(n == 1 ? "" : "s"), with a written proxy"
            )
            proxyJSON = .object(["allowed": .bool(true), "perMember": .int(n)])
        case .unlimited:
            proxy = ("stemmen bij schriftelijke volmacht is toegestaan, zonder maximum", "voting by written proxy is allowed, without a limit")
            proxyJSON = .object(["allowed": .bool(true), "perMember": .null])
        }
        rule("proxy", ("Volmacht", "Proxy"), proxy, s.proxy.source, proxyJSON)

        for kind in s.decisionKinds { add(kind) }

        let proposers = s.proposers.value.map { p -> (String, String, JSONValue) in
            switch p {
            case .board: return ("het bestuur", "the board", .object(["kind": .string("board")]))
            case .members(let n): return ("\(n) leden samen", "\(n) members together", .object(["kind": .string("members"), "count": .int(n)]))
            case .party(let name): return (name, name, .object(["kind": .string("party"), "name": .string(name)]))
            }
        }
        rule(
            "proposers", ("Voorstellen", "Proposals"),
            (
                "een voorstel mag komen van: " + proposers.map(\.0).joined(separator: "; "),
                "a proposal may come from: " + proposers.map(\.1).joined(separator: "; ")
            ),
            s.proposers.source, .array(proposers.map(\.2)))
        rule(
            "proposal-deadline", ("Termijn voor voorstellen", "Proposal deadline"),
            s.proposalDeadlineDays.value.map { ("uiterlijk \($0) dagen voor de vergadering", "at least \($0) days before the assembly") }
                ?? ("geen termijn", "no deadline"),
            s.proposalDeadlineDays.source, s.proposalDeadlineDays.value.map(JSONValue.int) ?? .null)
        switch s.outsideMeeting.value {
        case .notAllowed:
            rule(
                "outside-meeting", ("Besluiten buiten vergadering", "Decisions outside a meeting"),
                ("niet toegestaan", "not allowed"), s.outsideMeeting.source, .object(["allowed": .bool(false)]))
        case .allowed(let m):
            rule(
                "outside-meeting", ("Besluiten buiten vergadering", "Decisions outside a meeting"),
                ("toegestaan, schriftelijk, " + majorityIn(m, .nl), "allowed, in writing, " + majorityIn(m, .en)),
                s.outsideMeeting.source, .object(["allowed": .bool(true), "majority": majorityJSON(m)]))
        }

        for holder in s.socialShareholders {
            let rights = holder.rights.map { r -> (String, String) in
                let kindNL = DecisionKindNames.name(r.decisionKind, in: .nl)
                let kindEN = DecisionKindNames.name(r.decisionKind, in: .en)
                switch r.kind {
                case .advice:
                    return (
                        "adviesrecht bij \(kindNL): de stemming opent pas als het advies is vastgelegd",
                        "advice on \(kindEN): the ballot opens only once the advice is recorded"
                    )
                case .consent:
                    return (
                        "instemmingsrecht bij \(kindNL): zonder instemming geen stemming",
                        "consent on \(kindEN): no ballot without consent"
                    )
                case .veto:
                    return (
                        "vetorecht bij \(kindNL): een aangenomen besluit kan worden tegengehouden",
                        "veto on \(kindEN): an adopted decision can be blocked"
                    )
                }
            }
            rule(
                "shareholder.\(holder.name)", ("Sociaal aandeelhouder \(holder.name)", "Social shareholder \(holder.name)"),
                (
                    rights.isEmpty ? "geen bijzondere rechten" : rights.map(\.0).joined(separator: "; "),
                    rights.isEmpty ? "no particular rights" : rights.map(\.1).joined(separator: "; ")
                ),
                holder.source,
                .object([
                    "name": .string(holder.name),
                    "rights": .array(holder.rights.map { .object(["kind": .string($0.kind.rawValue), "decision": .string($0.decisionKind)]) }),
                ]))
        }

        let b = s.board.value
        var boardNL: [String] = ["benoemd door de algemene vergadering"]
        var boardEN: [String] = ["appointed by the general assembly"]
        if let low = b.minimumSize, let high = b.maximumSize {
            boardNL.append(low == high ? "\(low) personen" : "\(low) tot en met \(high) personen")
            boardEN.append(low == high ? "\(low) persons" : "\(low) to \(high) persons")
        }
        if let term = b.termYears {
            boardNL.append("zittingstermijn \(term) jaar")
            boardEN.append("term of \(term) years")
        }
        for party in b.seatsFor {
            boardNL.append("een zetel voor \(party)")
            boardEN.append("a seat for \(party)")
        }
        rule(
            "board", ("Bestuur", "Board"), (boardNL.joined(separator: ", "), boardEN.joined(separator: ", ")), s.board.source,
            .object([
                "minimumSize": b.minimumSize.map(JSONValue.int) ?? .null, "maximumSize": b.maximumSize.map(JSONValue.int) ?? .null,
                "termYears": b.termYears.map(JSONValue.int) ?? .null, "seatsFor": .array(b.seatsFor.map(JSONValue.string)),
            ]))
        for organisation in s.organisations {
            rule(
                "organisation.\(organisation.value)", ("Aangesloten organisatie", "Affiliated organisation"),
                (
                    "\(organisation.value) bevestigt ieder jaar de beginselen van dit statuut",
                    "\(organisation.value) confirms the principles of this statute every year"
                ),
                organisation.source, .string(organisation.value))
        }
        for (index, principle) in s.principles.enumerated() {
            rule("principle.\(index + 1)", ("Beginsel", "Principle"), (principle.value, principle.value), principle.source, .string(principle.value))
        }
        rule(
            "annual-accounts", ("Jaarrekening", "Annual accounts"),
            (
                "binnen \(s.annualAccountsMonths.value) maanden na het einde van het boekjaar",
                "within \(s.annualAccountsMonths.value) months after the financial year ends"
            ),
            s.annualAccountsMonths.source, .int(s.annualAccountsMonths.value))
    }

    func quorumText(_ q: QuorumRule?, _ lang: Language) -> String {
        ExplanationBuilder(language: lang).quorum(q)
    }

    func majorityIn(_ m: MajorityRule, _ lang: Language) -> String { ExplanationBuilder(language: lang).majority(m) }

    mutating func add(_ kind: DecisionKind) {
        let nlName = DecisionKindNames.name(kind.name, in: .nl)
        let enName = DecisionKindNames.name(kind.name, in: .en)
        let id = "decision.\(kind.name)"
        let topic = ("Besluit \(nlName)", "Decision \(enName)")
        let nlB = ExplanationBuilder(language: .nl)
        let enB = ExplanationBuilder(language: .en)
        rule(
            id + ".method", (topic.0 + ": methode", topic.1 + ": method"), (nlB.methodName(kind.method.value), enB.methodName(kind.method.value)),
            kind.method.source, .string(kind.method.value.rawValue))
        if kind.method.value == .yesNo || kind.method.value == .plurality {
            rule(
                id + ".majority", (topic.0 + ": meerderheid", topic.1 + ": majority"),
                ("aangenomen bij " + nlB.majority(kind.majority.value), "passed with " + enB.majority(kind.majority.value)),
                kind.majority.source, majorityJSON(kind.majority.value))
            rule(
                id + ".blank-votes", (topic.0 + ": blanco", topic.1 + ": blank votes"),
                kind.blankVotesCountAsCast.value
                    ? ("blanco stemmen tellen als uitgebracht", "blank votes count as cast")
                    : ("blanco stemmen tellen niet als uitgebracht", "blank votes do not count as cast"),
                kind.blankVotesCountAsCast.source, .bool(kind.blankVotesCountAsCast.value))
            let tie: (String, String)
            switch kind.tie.value {
            case .rejected: tie = ("bij staking van stemmen is het voorstel verworpen", "a tie rejects the proposal")
            case .chairDecides: tie = ("bij staking van stemmen beslist de voorzitter", "on a tie the chair decides")
            case .revote: tie = ("bij staking van stemmen wordt opnieuw gestemd", "on a tie the vote is held again")
            }
            rule(id + ".tie", (topic.0 + ": staking", topic.1 + ": tie"), tie, kind.tie.source, .string(kind.tie.value.rawValue))
        }
        rule(
            id + ".vote-changes", (topic.0 + ": stem wijzigen", topic.1 + ": changing a vote"),
            kind.votesMayBeChanged.value
                ? (
                    "wie stemde, mag zijn stem wijzigen tot de stemming sluit; de laatste stem telt",
                    "a member who voted may change their vote until the ballot closes; the last vote counts"
                )
                : ("een uitgebrachte stem staat vast", "a vote once cast stands"),
            kind.votesMayBeChanged.source, .bool(kind.votesMayBeChanged.value))
        rule(
            id + ".quorum", (topic.0 + ": quorum", topic.1 + ": quorum"), (nlB.quorum(kind.quorum.value), enB.quorum(kind.quorum.value)),
            kind.quorum.source, quorumJSON(kind.quorum.value))
        if let budget = kind.budget.value {
            let period: (String, String) =
                budget.period == .year ? (" per jaar", " a year") : budget.period == .assembly ? (" per vergadering", " per assembly") : ("", "")
            rule(
                id + ".budget", (topic.0 + ": budget", topic.1 + ": budget"),
                (nlB.euros(budget.cents) + period.0, enB.euros(budget.cents) + period.1), kind.budget.source,
                .object(["cents": .int(budget.cents), "period": budget.period.map { .string($0.rawValue) } ?? .null]))
        }
        if let seats = kind.seats.value {
            rule(id + ".seats", (topic.0 + ": zetels", topic.1 + ": seats"), ("\(seats) zetels", "\(seats) seats"), kind.seats.source, .int(seats))
        }
        rule(
            id + ".notice", (topic.0 + ": oproeping", topic.1 + ": notice"),
            ("minstens \(kind.noticeDays.value) dagen", "at least \(kind.noticeDays.value) days"), kind.noticeDays.source, .int(kind.noticeDays.value))
        if let days = kind.inspectionDays.value {
            rule(
                id + ".inspection", (topic.0 + ": ter inzage", topic.1 + ": inspection"),
                (
                    "het voorstel ligt minstens \(days) dagen voor de vergadering woordelijk ter inzage",
                    "the exact text of the proposal is open for inspection at least \(days) days before the assembly"
                ),
                kind.inspectionDays.source, .int(days))
        }
        if let days = kind.secondMeetingDays.value {
            rule(
                id + ".second-meeting", (topic.0 + ": tweede vergadering", topic.1 + ": second meeting"),
                (
                    "zonder quorum beslist een tweede vergadering binnen \(days) dagen, ongeacht het aantal aanwezigen",
                    "without a quorum a second meeting within \(days) days decides, however many attend"
                ),
                kind.secondMeetingDays.source, .int(days))
        }
    }
}
