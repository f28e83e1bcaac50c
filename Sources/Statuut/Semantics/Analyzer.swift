/// Gives meaning to a syntax tree: checks every rule, applies the legal defaults where the
/// statute is silent, and produces a `Statute` when no error was found.
public struct Analyzer: Sendable {
    public init() {}

    public func analyze(_ tree: SyntaxTree, diagnostics: inout [Diagnostic]) -> Statute? {
        var analysis = Analysis()
        analysis.run(tree)
        diagnostics.append(contentsOf: analysis.diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        return analysis.statute
    }
}

/// The mutable state of one analysis run.
struct Analysis {
    var diagnostics: [Diagnostic] = []
    var registry = RuleRegistry()
    var statute: Statute?
    /// Forms of lines that did not parse (already reported; not to be reported as missing).
    var failedForms: Set<FormID> = []

    // Collected while walking the articles.
    var header: RuleNode?
    var name = ""
    var language: Language = .nl
    var legalForm: LegalForm?
    var seat: String?
    var versionLabel: String?
    var validFrom: CivilDate?
    var articles: [Article] = []
    var articleSpans: [Int: SourceSpan] = [:]
    var areas: [Area] = []
    var areaSpans: [String: SourceSpan] = [:]
    var membership: (rule: Cited<MembershipRule>, node: RuleNode)?
    var admission: Cited<AdmissionRule>?
    var admissionNode: RuleNode?
    var profile: Cited<String>?
    var resignation: Cited<ResignationRule>?
    var minimumAge: Cited<Int?>?
    var referenceDate: Cited<ReferenceDateRule>?
    var assembliesPerYear: Cited<Int>?
    var longestGap: Cited<Int?>?
    var notice: (days: Cited<Int>, node: RuleNode)?
    var demand: Cited<DemandRule>?
    var quorum: (rule: Cited<QuorumRule?>, node: RuleNode)?
    var proxy: (rule: Cited<ProxyRule>, node: RuleNode)?
    var decisionSpecs: [DecisionSpec] = []
    var proposers: [Proposer] = []
    var proposersSource: Provenance?
    var proposalDeadline: Cited<Int?>?
    var outsideMeeting: Cited<OutsideMeetingRule>?
    var shareholders: [SocialShareholder] = []
    var rightNodes: [(right: ShareholderRight, node: RuleNode)] = []
    var board = BoardRule(minimumSize: nil, maximumSize: nil, termYears: nil, seatsFor: [])
    var boardSource: Provenance?
    var organisations: [Cited<String>] = []
    var principles: [Cited<String>] = []
    var annualAccounts: Cited<Int>?

    mutating func run(_ tree: SyntaxTree) {
        failedForms = tree.failedForms
        warnNotCarriedOut(tree.items)
        for node in tree.items {
            switch node.form {
            case .statute: readHeader(node)
            case .article: readArticle(node)
            default: break
            }
        }
        if header == nil {
            let span = tree.items.first?.keywordSpan ?? SourceSpan(line: 1, start: 0, end: 0)
            diagnostics.append(
                Diagnostic(
                    .missingHeader, "the statute does not start with a `statuut` line", at: span,
                    hint: "start the file with e.g. `statuut \"Vereniging De Wijk\"` and indent `rechtsvorm vereniging` under it"))
        }
        finish(tree)
    }

    // MARK: Header

    private mutating func readHeader(_ node: RuleNode) {
        if let header {
            diagnostics.append(
                Diagnostic(
                    .duplicateHeader, "a statute has one `statuut` line", at: node.keywordSpan,
                    notes: [DiagnosticNote("the first", at: header.keywordSpan)]))
            return
        }
        header = node
        name = node.string("name") ?? ""
        language = node.language
        for child in node.childRules {
            switch child.form {
            case .legalForm:
                guard registry.claim("legalForm", child, what: "the legal form", diagnostics: &diagnostics) else { continue }
                legalForm = LegalForm(rawValue: child.string("form") ?? "")
            case .version:
                guard registry.claim("version", child, what: "the version", diagnostics: &diagnostics) else { continue }
                versionLabel = child.string("label")
                if case .date(let d)? = child.captures["validFrom"]?.value { validFrom = d }
            case .seat:
                guard registry.claim("seat", child, what: "the seat", diagnostics: &diagnostics) else { continue }
                seat = child.string("place")
            default: break
            }
        }
    }

    // MARK: Articles

    private mutating func readArticle(_ node: RuleNode) {
        let number = node.int("number") ?? 0
        let title = node.string("title") ?? ""
        let numberSpan = node.span(of: "number")
        if let first = articleSpans[number] {
            diagnostics.append(
                Diagnostic(
                    .duplicateArticle, "there are two articles numbered \(number)", at: numberSpan,
                    hint: "number the articles 1, 2, 3, … without repeats",
                    notes: [DiagnosticNote("the first article \(number)", at: first)]))
            return
        }
        if number == 0 {
            diagnostics.append(Diagnostic(.articleNumbering, "articles are numbered from 1", at: numberSpan))
        } else if let previous = articles.last?.number, number != previous + 1 {
            diagnostics.append(
                Diagnostic(
                    .articleNumbering, "article \(number) follows article \(previous)", at: numberSpan,
                    hint: "expected article \(previous + 1)"))
        }
        articleSpans[number] = numberSpan
        var prose: [String] = []
        let source = Provenance.article(number: number, title: title)
        var rules = 0
        for child in node.children {
            switch child {
            case .prose(let p): prose.append(p.text)
            case .rule(let rule):
                rules += 1
                readRule(rule, source)
            }
        }
        if prose.isEmpty, rules == 0 {
            diagnostics.append(
                Diagnostic(
                    .emptyArticle, "article \(number) has no text and no rules", at: node.span,
                    hint: "add its text as lines starting with `>`"))
        }
        articles.append(Article(number: number, title: title, text: prose))
    }

    /// A rule the engine reads but does not carry out at run time is named, never silently trusted.
    private mutating func warnNotCarriedOut(_ nodes: [RuleNode]) {
        for node in nodes {
            if let missing = FormID.notYetCarriedOut[node.form] {
                diagnostics.append(
                    Diagnostic(
                        .notCarriedOut, "Buurtstem does not yet carry out this rule: \(missing)", at: node.span,
                        hint: "until it does, the board carries it out by hand and records it in the minutes"))
            }
            warnNotCarriedOut(node.childRules)
        }
    }

    // MARK: Rules

    private mutating func readRule(_ node: RuleNode, _ source: Provenance) {
        switch node.form {
        case .area: readArea(node, source)
        case .decision: readDecision(node, source)
        case .shareholder: readShareholder(node, source)

        case .membership:
            guard registry.claim("membership", node, what: "membership", diagnostics: &diagnostics) else { return }
            let mode = MembershipMode(rawValue: node.string("mode") ?? "") ?? .automatic
            membership = (Cited(MembershipRule(mode: mode, areaName: node.string("area") ?? ""), source), node)
        case .admission:
            guard registry.claim("admission", node, what: "admission", diagnostics: &diagnostics) else { return }
            let body = AdmissionRule.Body(rawValue: node.string("by") ?? "") ?? .board
            admission = Cited(AdmissionRule(decidedBy: body, afterIntake: node.captures["intake"] != nil), source)
            admissionNode = node
        case .profile:
            guard registry.claim("profile", node, what: "the members' profile", diagnostics: &diagnostics) else { return }
            profile = Cited(node.string("text") ?? "", source)
        case .resignation, .resignationAfter:
            guard registry.claim("resignation", node, what: "resignation", diagnostics: &diagnostics) else { return }
            if node.form == .resignationAfter {
                resignation = Cited(.afterWeeks(positive(node, "weeks", what: "the number of weeks")), source)
            } else {
                resignation = Cited(node.string("when") == "immediate" ? .immediately : .endOfFinancialYear(noticeWeeks: 4), source)
            }
        case .minimumAge:
            guard registry.claim("minimumAge", node, what: "the minimum age", diagnostics: &diagnostics) else { return }
            let age = node.int("age") ?? 0
            if age > 120 {
                diagnostics.append(Diagnostic(.invalidNumber, "\(age) is not a possible minimum age", at: node.span(of: "age")))
            }
            minimumAge = Cited(age, source)
        case .referenceDate, .referenceDateAtNotice:
            guard registry.claim("referenceDate", node, what: "the reference date", diagnostics: &diagnostics) else { return }
            if node.form == .referenceDateAtNotice {
                referenceDate = Cited(.dayOfNotice, source)
            } else if node.string("relation") == "after" {
                diagnostics.append(
                    Diagnostic(
                        .referenceDateAfterAssembly, "the reference date lies after the assembly", at: node.span(of: "relation"),
                        hint: "the electorate must be known before the assembly: write `\(node.language == .nl ? "voor" : "before")`"))
            } else {
                referenceDate = Cited(.daysBeforeAssembly(node.int("days") ?? 0), source)
            }
        case .assembliesPerYear:
            guard registry.claim("assembliesPerYear", node, what: "the number of assemblies a year", diagnostics: &diagnostics) else { return }
            let count = node.int("count") ?? 0
            if count < 1 {
                diagnostics.append(
                    Diagnostic(
                        .belowLegalMinimum, "an association must hold at least one general assembly a year", at: node.span(of: "count"),
                        hint: "BW 2:48 lid 1 requires a yearly assembly"))
            }
            assembliesPerYear = Cited(count, source)
        case .longestGap:
            guard registry.claim("longestGap", node, what: "the longest gap between assemblies", diagnostics: &diagnostics) else { return }
            longestGap = Cited(positive(node, "months", what: "the longest gap"), source)
        case .notice:
            guard registry.claim("notice", node, what: "the notice period", diagnostics: &diagnostics) else { return }
            notice = (Cited(positive(node, "days", what: "the notice period"), source), node)
        case .demand:
            guard registry.claim("demand", node, what: "members' right to demand an assembly", diagnostics: &diagnostics) else { return }
            guard let share = share(node) else { return }
            if share > .oneTenth {
                diagnostics.append(
                    Diagnostic(
                        .againstLegalDefault, "the law lets members with 1/10 of the votes demand an assembly; \(share) asks more",
                        at: node.span(of: "share"), hint: "BW 2:41 lid 2 allows a statute to lower this threshold, not to raise it"))
            }
            let weeks = node.captures["weeks"] == nil ? 4 : positive(node, "weeks", what: "the number of weeks")
            demand = Cited(DemandRule(share: share, withinWeeks: weeks), source)
        case .quorumCount, .quorumShare:
            guard registry.claim("quorum", node, what: "the quorum", diagnostics: &diagnostics) else { return }
            quorum = (Cited(quorumRule(node), source), node)
        case .proxyLimit, .proxyForbidden:
            guard registry.claim("proxy", node, what: "proxies", diagnostics: &diagnostics) else { return }
            if node.form == .proxyForbidden {
                proxy = (Cited(.notAllowed, source), node)
            } else {
                let count = node.int("count") ?? 0
                if count == 0 {
                    diagnostics.append(
                        Diagnostic(
                            .invalidNumber, "a limit of 0 proxies means proxies are not allowed", at: node.span(of: "count"),
                            hint: node.language == .nl ? "write `volmacht niet toegestaan`" : "write `proxy not allowed`"))
                }
                proxy = (Cited(.atMost(count), source), node)
            }
        case .proposerBoard, .proposerMembers, .proposerParty:
            let key = "proposer:\(node.form):\(node.int("count") ?? 0):\(node.string("party") ?? "")"
            guard registry.claim(key, node, what: "this right to propose", diagnostics: &diagnostics) else { return }
            proposersSource = proposersSource ?? source
            switch node.form {
            case .proposerBoard: proposers.append(.board)
            case .proposerMembers: proposers.append(.members(positive(node, "count", what: "the number of members")))
            default: proposers.append(.party(node.string("party") ?? ""))
            }
        case .proposalDeadline:
            guard registry.claim("proposalDeadline", node, what: "the proposal deadline", diagnostics: &diagnostics) else { return }
            proposalDeadline = Cited(positive(node, "days", what: "the proposal deadline"), source)
        case .outsideMeeting, .outsideMeetingForbidden:
            guard registry.claim("outsideMeeting", node, what: "decisions outside a meeting", diagnostics: &diagnostics) else { return }
            if node.form == .outsideMeetingForbidden {
                outsideMeeting = Cited(.notAllowed, source)
            } else if let rule = majorityRule(node) {
                outsideMeeting = Cited(.allowed(rule), source)
            }
        case .boardSizeRange, .boardSizeExact:
            guard registry.claim("boardSize", node, what: "the size of the board", diagnostics: &diagnostics) else { return }
            boardSource = boardSource ?? source
            if node.form == .boardSizeExact {
                let n = positive(node, "count", what: "the size of the board")
                (board.minimumSize, board.maximumSize) = (n, n)
            } else {
                let low = positive(node, "min", what: "the smallest board")
                let high = positive(node, "max", what: "the largest board")
                if low > high {
                    diagnostics.append(
                        Diagnostic(
                            .reversedRange, "the board's size runs from \(low) down to \(high)",
                            at: node.span(of: "min").union(node.span(of: "max")), hint: "write the smaller number first"))
                }
                (board.minimumSize, board.maximumSize) = (low, high)
            }
        case .boardTerm:
            guard registry.claim("boardTerm", node, what: "the board's term", diagnostics: &diagnostics) else { return }
            boardSource = boardSource ?? source
            board.termYears = positive(node, "years", what: "the board's term")
        case .boardSeat:
            let party = node.string("party") ?? ""
            guard registry.claim("boardSeat:\(party)", node, what: "the board seat for \"\(party)\"", diagnostics: &diagnostics) else { return }
            boardSource = boardSource ?? source
            board.seatsFor.append(party)
        case .organisation:
            let value = node.string("name") ?? ""
            guard registry.claim("organisation:\(value)", node, what: "organisation \"\(value)\"", diagnostics: &diagnostics) else { return }
            organisations.append(Cited(value, source))
        case .principle:
            let value = node.string("text") ?? ""
            guard registry.claim("principle:\(value)", node, what: "this principle", diagnostics: &diagnostics) else { return }
            principles.append(Cited(value, source))
        case .annualAccounts:
            guard registry.claim("annualAccounts", node, what: "the annual accounts deadline", diagnostics: &diagnostics) else { return }
            let months = positive(node, "months", what: "the annual accounts deadline")
            if months > 6 {
                diagnostics.append(
                    Diagnostic(
                        .againstLegalDefault, "the law gives the board six months after the financial year for the accounts",
                        at: node.span(of: "months"), hint: "BW 2:48 lid 1: only the general assembly can extend this, case by case"))
            }
            annualAccounts = Cited(months, source)
        default:
            break
        }
    }

}
