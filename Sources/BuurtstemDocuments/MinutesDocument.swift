public import BuurtstemCore
import Foundation
public import Statuut

/// The minutes as a document: Markdown (stable, for golden tests and archives) and print-ready
/// HTML (A4) with signature lines.
extension Minutes {
    public func markdown(in l: Language) -> String {
        let nl = l == .nl
        let a = fact.assembly
        var out = "# \(nl ? "Notulen van de algemene vergadering" : "Minutes of the general assembly") — \(association)\n\n"
        out += "- **\(nl ? "Datum" : "Date"):** \(a.date)\n- **\(nl ? "Plaats" : "Place"):** \(a.place)\n"
        out += "- **\(nl ? "Statuut" : "Statute"):** \(nl ? "versie van" : "version of") \(statuteFrom) (SHA-256 \(statuteSHA256.prefix(16))…)\n\n"
        if let first = links.firstMeeting {
            out +=
                nl
                ? "Dit is de tweede vergadering na de vergadering van \(first.date) (nr. \(first.id)): de punten die daar zonder quorum bleven, worden hier zonder quorum beslist, met dezelfde meerderheid.\n\n"
                : "This is the second meeting after the assembly of \(first.date) (no. \(first.id)): the items that lacked a quorum there are decided here without quorum, by the same majority.\n\n"
        }

        out += "## \(nl ? "Oproeping" : "Notice")\n\n"
        let kinds = Array(Set(a.agendaKinds + fact.decisions.map { DecisionKindNames.canonical($0.proposal.kind) })).sorted()
        let notice = AssemblyRules(statute: statute).notice(for: kinds)
        if let called = a.calledOn {
            let days = called.days(until: a.date)
            out +=
                nl
                ? "Opgeroepen op \(called), \(days) dagen vooraf (vereist: \(notice.value) dagen, \(notice.source.cited(in: l))). "
                : "Called on \(called), \(days) days ahead (required: \(notice.value) days, \(notice.source.cited(in: l))). "
            out +=
                nl
                ? "Peildatum \(a.referenceDate?.description ?? "–"): \(fact.electorate) stemgerechtigden.\n\n"
                : "Reference date \(a.referenceDate?.description ?? "–"): \(fact.electorate) members entitled to vote.\n\n"
        } else {
            out += nl ? "Nog niet opgeroepen.\n\n" : "Not called yet.\n\n"
        }

        out += "## \(nl ? "Aanwezigheid" : "Attendance")\n\n"
        let present = fact.attendance.present.count
        let represented = fact.attendance.represented
        let quorum = QuorumStatus.check(statute.quorum, attendance: fact.attendance, electorate: fact.electorate)
        out +=
            nl
            ? "\(present) aanwezig, \(represented) bij volmacht vertegenwoordigd: \(present + represented) van \(fact.electorate) stemgerechtigden. "
            : "\(present) present, \(represented) represented by proxy: \(present + represented) of \(fact.electorate) members entitled to vote. "
        if quorum.needed == 0 {
            out += nl ? "Geen quorum vereist (\(quorum.source.cited(in: l))).\n\n" : "No quorum required (\(quorum.source.cited(in: l))).\n\n"
        } else {
            out +=
                nl
                ? "Quorum: \(quorum.counted) van \(quorum.needed) nodig — \(quorum.met ? "gehaald" : "niet gehaald") (\(quorum.source.cited(in: l))).\n\n"
                : "Quorum: \(quorum.counted) of \(quorum.needed) needed — \(quorum.met ? "met" : "not met") (\(quorum.source.cited(in: l))).\n\n"
        }

        out += "## \(nl ? "Agenda en besluiten" : "Agenda and decisions")\n\n"
        if fact.decisions.isEmpty { out += nl ? "Er is niet gestemd.\n\n" : "No votes were taken.\n\n" }
        for (number, d) in fact.decisions.enumerated() {
            out += item(number + 1, d, l)
        }

        if !admissions.isEmpty {
            out += "## \(nl ? "Toelating van leden" : "Admission of members")\n\n"
            for a in admissions {
                out +=
                    a.state == .granted
                    ? (nl ? "- \(a.resident): toegelaten\n" : "- \(a.resident): admitted\n")
                    : (nl ? "- \(a.resident): geweigerd — \(a.reason ?? "")\n" : "- \(a.resident): refused — \(a.reason ?? "")\n")
            }
            out += "\n"
        }

        if !confirmations.isEmpty {
            out += "## \(nl ? "Aangesloten organisaties" : "Affiliated organisations")\n\n"
            for c in confirmations {
                out +=
                    nl
                    ? "- \(c.organisation) bevestigde op \(c.on) de beginselen van het statuut voor \(c.year): \(c.text)\n"
                    : "- \(c.organisation) confirmed the statute's principles for \(c.year) on \(c.on): \(c.text)\n"
            }
            out += "\n"
        }

        out += "## \(nl ? "Auditlog bij sluiting" : "Audit log at close")\n\n"
        if let head = closedHead {
            out +=
                nl
                ? "`\(head.size):\(head.root)` — met `buurtstem audit verify --head` is na te gaan dat niets is gewijzigd.\n\n"
                : "`\(head.size):\(head.root)` — `buurtstem audit verify --head` shows that nothing was changed since.\n\n"
        } else {
            out += nl ? "De vergadering is nog niet gesloten.\n\n" : "The assembly has not been closed yet.\n\n"
        }
        out += "## \(nl ? "Ondertekening" : "Signatures")\n\n"
        out +=
            nl
            ? "Voorzitter: ______________________________  Datum: ____________\n\nSecretaris: ______________________________  Datum: ____________\n"
            : "Chair: ______________________________  Date: ____________\n\nSecretary: ______________________________  Date: ____________\n"
        return out
    }

    func item(_ number: Int, _ d: ComplianceFacts.DecisionFact, _ l: Language) -> String {
        let nl = l == .nl
        let p = d.proposal
        var out = "### \(number). \(p.title)\n\n"
        let by: String
        switch p.source {
        case .board: by = nl ? "het bestuur" : "the board"
        case .members(let ids): by = nl ? "\(ids.count) leden" : "\(ids.count) members"
        case .party(let name): by = name
        }
        out +=
            nl
            ? "Soort besluit: \(p.kind). Ingediend door \(by) op \(p.submittedOn?.description ?? "–").\n\n"
            : "Kind of decision: \(p.kind). Submitted by \(by) on \(p.submittedOn?.description ?? "–").\n\n"
        if let from = p.carriedFrom, let first = links.firstMeeting {
            out +=
                nl
                ? "Doorgeschoven van de vergadering van \(first.date), waar het quorum ontbrak (voorstel \(from)).\n\n"
                : "Carried from the assembly of \(first.date), which lacked a quorum (proposal \(from)).\n\n"
        }
        if let round = d.roundOf {
            out += nl ? "Herstemming: de stemmen staakten in stemming \(round).\n\n" : "Second round: the votes tied in ballot \(round).\n\n"
        }
        if !p.text.isEmpty { out += p.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n") + "\n\n" }
        if let inspection = p.inspectionFrom { out += nl ? "Ter inzage gelegd vanaf \(inspection).\n\n" : "Open for inspection from \(inspection).\n\n" }
        for r in d.responses {
            out +=
                nl
                ? "- \(r.shareholder) — \(["advice": "advies", "consent": "instemming", "refusal": "weigering"][r.kind.rawValue] ?? r.kind.rawValue) (\(r.on)): \(r.text)\n"
                : "- \(r.shareholder) — \(r.kind.rawValue) (\(r.on)): \(r.text)\n"
        }
        if !d.responses.isEmpty { out += "\n" }
        let kind = statute.decisionKind(named: p.kind)
        if d.votesCast > fact.attendance.votesAllowed {
            out +=
                nl
                ? "**Let op: \(d.votesCast) stemmen bij \(fact.attendance.votesAllowed) aanwezige of vertegenwoordigde leden — meer stemmen dan stemmers (BW 2:38 lid 1).**\n\n"
                : "**Note: \(d.votesCast) votes with \(fact.attendance.votesAllowed) members present or represented — more votes than voters (BW 2:38 lid 1).**\n\n"
        }
        out += nl ? "Stemmethode: \(Self.methodNames[d.method]?.nl ?? d.method.rawValue)" : "Method: \(Self.methodNames[d.method]?.en ?? d.method.rawValue)"
        if let kind { out += " (\(kind.method.source.cited(in: l)))" }
        out += ".\n\n"
        if let count = d.count, let kind, let outcome = fact.outcome(of: d, kind: kind) {
            out +=
                nl
                ? "Uitslag: voor \(count.yes), tegen \(count.no), blanco \(count.blank). \(outcome.nl.prefix(1).uppercased() + outcome.nl.dropFirst()) "
                : "Result: yes \(count.yes), no \(count.no), blank \(count.blank). \(outcome.en.prefix(1).uppercased() + outcome.en.dropFirst()) "
            var cited: [String] = []
            for source in outcome.sources.map({ $0.cited(in: l) }) where !cited.contains(source) { cited.append(source) }
            out += "(\(cited.joined(separator: "; "))).\n\n"
            if outcome.result == .noQuorum, let second = links.secondMeeting, let to = links.carried[p.id] {
                out +=
                    nl
                    ? "Doorgeschoven naar de tweede vergadering van \(second.date) (voorstel \(to)), die zonder quorum beslist (\(kind.secondMeetingDays.source.cited(in: l))).\n\n"
                    : "Carried to the second meeting of \(second.date) (proposal \(to)), which decides without quorum (\(kind.secondMeetingDays.source.cited(in: l))).\n\n"
            }
            if outcome.result == .revote {
                out += nl ? "De tweede ronde volgt hieronder.\n\n" : "The second round follows below.\n\n"
            }
            if outcome.result == .chairDecides {
                if let chair = d.chairDecision {
                    out +=
                        nl
                        ? "De voorzitter, \(chair.chair), besliste: **\(chair.adopted ? "aangenomen" : "verworpen")** (\(kind.tie.source.cited(in: l))).\n\n"
                        : "The chair, \(chair.chair), decided: **\(chair.adopted ? "adopted" : "rejected")** (\(kind.tie.source.cited(in: l))).\n\n"
                } else {
                    out += nl ? "De beslissing van de voorzitter is nog niet vastgelegd.\n\n" : "The chair's decision has not been recorded yet.\n\n"
                }
            }
            let adopted = outcome.result == .adopted || (outcome.result == .chairDecides && d.chairDecision?.adopted == true)
            if adopted, let veto = ProposalRules(statute: statute).vetoedBy(p, responses: d.responses) {
                out +=
                    nl
                    ? "**\(veto.shareholder) sprak een veto uit: het besluit treedt niet in werking** (\(veto.right.source.cited(in: l))).\n\n"
                    : "**\(veto.shareholder) vetoed it: the decision does not take effect** (\(veto.right.source.cited(in: l))).\n\n"
            }
        } else if d.outcome != nil {
            let names = Dictionary(uniqueKeysWithValues: d.options.map { ($0.id, $0.name) })
            let chosen = d.chosen.map { names[$0] ?? $0 }.joined(separator: ", ")
            out +=
                nl
                ? "Uitgebrachte stemmen: \(d.votesCast). Gekozen: \(chosen.isEmpty ? "geen" : chosen).\n\n"
                : "Ballots cast: \(d.votesCast). Chosen: \(chosen.isEmpty ? "none" : chosen).\n\n"
        } else {
            out += nl ? "De stemming is nog open.\n\n" : "The ballot is still open.\n\n"
        }
        return out
    }

    static let methodNames: [TallyMethod: Bilingual] = [
        .yesNo: Bilingual("voor of tegen", "yes or no"), .plurality: Bilingual("één keuze", "single choice"),
        .approval: Bilingual("goedkeuring", "approval"), .instantRunoff: Bilingual("voorkeursstemming", "instant runoff"),
        .singleTransferableVote: Bilingual("overdraagbare stem (STV)", "single transferable vote"), .schulze: Bilingual("Schulze", "Schulze"),
        .equalShares: Bilingual("gelijke delen", "method of equal shares"), .greedy: Bilingual("meeste stemmen binnen het budget", "greedy within the budget"),
    ]

    /// Print-ready HTML (A4): the Markdown's content with headings, lists and quotes.
    /// The print style, inline in a file; a page under a strict Content-Security-Policy links it instead.
    public static let stylesheet: String = {
        guard let url = Bundle.module.url(forResource: "minutes", withExtension: "css", subdirectory: "Static"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("Static/minutes.css is not in the module's resources") }
        return text
    }()

    /// The minutes as a print-ready HTML document (template `minutes`): the Markdown's headings,
    /// paragraphs, quotes and lists, with its `**bold**` and `` `code` ``.
    public func html(in l: Language, stylesheetURL: String? = nil) -> String {
        var blocks: [[String: Any]] = []
        var list: [[String: Any]] = []
        func flush() {
            if !list.isEmpty { blocks.append(["list": ["items": list]]) }
            list = []
        }
        for line in markdown(in: l).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("- ") {
                list.append(["spans": Self.spans(String(line.dropFirst(2)))])
                continue
            }
            flush()
            for (prefix, kind) in [("### ", "h3"), ("## ", "h2"), ("# ", "h1"), ("> ", "quote")] where line.hasPrefix(prefix) {
                blocks.append([kind: ["spans": Self.spans(String(line.dropFirst(prefix.count)))]])
            }
            if !line.isEmpty, !["### ", "## ", "# ", "> "].contains(where: line.hasPrefix) {
                blocks.append(["paragraph": ["spans": Self.spans(line)]])
            }
        }
        flush()
        var context: [String: Any] = [
            "language": l.rawValue, "association": association, "date": fact.assembly.date.description, "blocks": blocks,
            "stylesheet": Self.stylesheet,
        ]
        if let stylesheetURL { context["stylesheetURL"] = stylesheetURL }
        return DocumentTemplates.render("minutes", context)
    }

    /// A line's runs of plain text, `**bold**` and `` `code` `` (the template escapes the text).
    static func spans(_ text: String) -> [[String: Any]] {
        var spans: [[String: Any]] = []
        var current = ""
        var bold = false
        var code = false
        func close() {
            if !current.isEmpty { spans.append(["text": current, code ? "code" : bold ? "strong" : "plain": true]) }
            current = ""
        }
        var chars = Array(text)[...]
        while let c = chars.first {
            if !code, c == "*", chars.dropFirst().first == "*" {
                close()
                bold.toggle()
                chars = chars.dropFirst(2)
                continue
            }
            if c == "`" {
                close()
                code.toggle()
            } else {
                current.append(c)
            }
            chars = chars.dropFirst()
        }
        close()
        return spans
    }
}
