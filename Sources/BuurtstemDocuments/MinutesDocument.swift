public import BuurtstemCore
import Foundation
public import Statuut

/// The minutes as a document: Markdown (stable, for golden tests and archives) and print-ready
/// HTML (A4) with signature lines.
extension Minutes {
    public func markdown(in l: Language) -> String {
        func t(_ key: String, _ values: [String: String] = [:]) -> String { Catalogue.text(key, l, values) }
        let a = fact.assembly
        var out = "# " + t(isDraft ? "minutesDraftTitle" : "minutesTitle", ["association": association]) + "\n\n"
        // Before the close: a draft, marked as one at the top and on every printed page.
        if isDraft { out += "> " + t("minutesDraftNotice") + "\n\n" }
        out += "- **\(t("minutesDate")):** \(a.date)\n- **\(t("minutesPlace")):** \(a.place)\n"
        out +=
            "- **\(t("minutesStatute")):** " + t("minutesStatuteVersion", ["from": statuteFrom.description, "sha": String(statuteSHA256.prefix(16))]) + "\n\n"
        if let first = links.firstMeeting {
            out += t("minutesSecondMeeting", ["date": first.date.description, "id": String(first.id)]) + "\n\n"
        }

        out += "## \(t("minutesNotice"))\n\n"
        let kinds = Array(Set(a.agendaKinds + fact.decisions.map { DecisionKindNames.canonical($0.proposal.kind) })).sorted()
        let notice = AssemblyRules(statute: statute).notice(for: kinds)
        if let called = a.calledOn {
            out += t(
                "minutesCalled",
                [
                    "called": called.description, "days": String(called.days(until: a.date)), "required": String(notice.value),
                    "source": notice.source.cited(in: l),
                ])
            out += t("minutesReferenceDate", ["date": a.referenceDate?.description ?? "–", "electorate": String(fact.electorate)]) + "\n\n"
        } else {
            out += t("minutesNotCalled") + "\n\n"
        }

        out += "## \(t("minutesAttendance"))\n\n"
        let present = fact.attendance.present.count
        let represented = fact.attendance.represented
        let quorum = QuorumStatus.check(statute.quorum, attendance: fact.attendance, electorate: fact.electorate)
        out += t(
            "minutesPresent",
            ["present": String(present), "represented": String(represented), "total": String(present + represented), "electorate": String(fact.electorate)])
        let quorumValues = ["counted": String(quorum.counted), "needed": String(quorum.needed), "source": quorum.source.cited(in: l)]
        out += t(quorum.needed == 0 ? "minutesNoQuorumRequired" : quorum.met ? "minutesQuorumMet" : "minutesQuorumNotMet", quorumValues) + "\n\n"

        out += "## \(t("minutesAgenda"))\n\n"
        if fact.decisions.isEmpty { out += t("minutesNoVotes") + "\n\n" }
        for (number, d) in fact.decisions.enumerated() {
            out += item(number + 1, d, l)
        }

        if !admissions.isEmpty {
            out += "## \(t("minutesAdmissions"))\n\n"
            for a in admissions {
                let values = ["resident": a.resident.description, "reason": a.reason ?? ""]
                out += "- " + t(a.state == .granted ? "minutesAdmitted" : "minutesRefused", values) + "\n"
            }
            out += "\n"
        }

        if !confirmations.isEmpty {
            out += "## \(t("minutesOrganisations"))\n\n"
            for c in confirmations {
                out +=
                    "- "
                    + t("minutesOrganisationConfirmed", ["organisation": c.organisation, "on": c.on.description, "year": String(c.year), "text": c.text])
                    + "\n"
            }
            out += "\n"
        }

        out += "## \(t("minutesAuditHeading"))\n\n"
        if let head = closedHead {
            out += t("minutesAuditHead", ["head": "\(head.size):\(head.root)"]) + "\n\n"
        } else {
            out += t("minutesNotClosed") + "\n\n"
        }
        out += "## \(t("minutesSignatures"))\n\n"
        out += t("minutesSignatureLines") + "\n"
        return out
    }

    func item(_ number: Int, _ d: ComplianceFacts.DecisionFact, _ l: Language) -> String {
        func t(_ key: String, _ values: [String: String] = [:]) -> String { Catalogue.text(key, l, values) }
        let p = d.proposal
        var out = "### \(number). \(p.title)\n\n"
        let by: String
        switch p.source {
        case .board: by = t("minutesByBoard")
        case .members(let ids): by = t("minutesByMembers", ["count": String(ids.count)])
        case .party(let name): by = name
        }
        out += t("minutesSubmitted", ["kind": p.kind, "by": by, "on": p.submittedOn?.description ?? "–"]) + "\n\n"
        if let from = p.carriedFrom, let first = links.firstMeeting {
            out += t("minutesCarriedFrom", ["date": first.date.description, "proposal": String(from)]) + "\n\n"
        }
        if let round = d.roundOf { out += t("minutesSecondRound", ["ballot": String(round)]) + "\n\n" }
        if !p.text.isEmpty { out += p.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n") + "\n\n" }
        if let inspection = p.inspectionFrom { out += t("minutesInspection", ["date": inspection.description]) + "\n\n" }
        let responseKinds = ["advice": "minutesResponseAdvice", "consent": "minutesResponseConsent", "refusal": "minutesResponseRefusal"]
        for r in d.responses {
            let kind = responseKinds[r.kind.rawValue].map { t($0) } ?? r.kind.rawValue
            out += "- " + t("minutesResponse", ["shareholder": r.shareholder, "kind": kind, "on": r.on.description, "text": r.text]) + "\n"
        }
        if !d.responses.isEmpty { out += "\n" }
        let kind = statute.decisionKind(named: p.kind)
        if d.votesCast > fact.attendance.votesAllowed {
            out += t("minutesTooManyVotes", ["votes": String(d.votesCast), "allowed": String(fact.attendance.votesAllowed)]) + "\n\n"
        }
        out += t("minutesMethod", ["method": t("method-\(d.method.rawValue)")])
        if let kind { out += " (\(kind.method.source.cited(in: l)))" }
        out += ".\n\n"
        if let count = d.count, let kind, let outcome = fact.outcome(of: d, kind: kind) {
            let text = l == .nl ? outcome.nl : outcome.en
            out += t(
                "minutesYesNoResult",
                ["yes": String(count.yes), "no": String(count.no), "blank": String(count.blank), "outcome": text.prefix(1).uppercased() + text.dropFirst()])
            var cited: [String] = []
            for source in outcome.sources.map({ $0.cited(in: l) }) where !cited.contains(source) { cited.append(source) }
            out += "(\(cited.joined(separator: "; "))).\n\n"
            if outcome.result == .noQuorum, let second = links.secondMeeting, let to = links.carried[p.id] {
                out +=
                    t("minutesCarriedTo", ["date": second.date.description, "proposal": String(to), "source": kind.secondMeetingDays.source.cited(in: l)])
                    + "\n\n"
            }
            if outcome.result == .revote { out += t("minutesSecondRoundFollows") + "\n\n" }
            if outcome.result == .chairDecides {
                if let chair = d.chairDecision {
                    out +=
                        t(chair.adopted ? "minutesChairAdopted" : "minutesChairRejected", ["chair": chair.chair, "source": kind.tie.source.cited(in: l)])
                        + "\n\n"
                } else {
                    out += t("minutesChairPending") + "\n\n"
                }
            }
            let adopted = outcome.result == .adopted || (outcome.result == .chairDecides && d.chairDecision?.adopted == true)
            if adopted, let veto = ProposalRules(statute: statute).vetoedBy(p, responses: d.responses) {
                out += t("minutesVetoed", ["shareholder": veto.shareholder, "source": veto.right.source.cited(in: l)]) + "\n\n"
            }
        } else if d.outcome != nil {
            let names = Dictionary(uniqueKeysWithValues: d.options.map { ($0.id, $0.name) })
            let chosen = d.chosen.map { names[$0] ?? $0 }.joined(separator: ", ")
            out += t("minutesChosen", ["votes": String(d.votesCast), "chosen": chosen.isEmpty ? t("minutesNoneChosen") : chosen]) + "\n\n"
            if let topUp = d.topUp {
                out += t("minutesTopUp", ["project": names[topUp.project] ?? topUp.project, "amount": Amounts.euros(topUp.euros, in: l)]) + "\n\n"
            }
        } else {
            out += t("minutesStillOpen") + "\n\n"
        }
        return out
    }

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
        if isDraft { context["draft"] = Catalogue.text("draftMinutes", l) }
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
