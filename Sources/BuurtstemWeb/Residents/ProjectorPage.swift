import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import HTTPTypes
import Hummingbird
import Statuut

/// The projector at the assembly: turnout, quorum, how many have voted on each open ballot (never
/// what), results with a bar chart once a ballot closes, the audit head, and a QR code to the
/// voting page. Refreshes itself every 10 seconds without JavaScript.
struct ProjectorPage: Sendable {
    let database: AppDatabase

    func register(on router: Router<WebContext>) {
        router.get("projector/:id") { request, context in
            let (id, url) = (try context.id("id") as AssemblyID, context.siteURL(request))
            return try await Lane.pages.run { try self.page(request, id, siteURL: url) }
        }
    }

    func page(_ request: Request, _ id: AssemblyID, siteURL url: String) throws -> Response {
        guard let assembly = try database.assemblies().first(where: { $0.id == id }) else {
            return PageTemplates.page("message", title: "notFoundTitle", ["message": Catalogue.both("noSuchAssembly"), "class": "error"], status: .notFound)
        }
        let turnout = try database.turnout(assembly: id)
        let head = try database.auditHead()
        let q = turnout.quorum
        let quorum =
            q.needed == 0
            ? Catalogue.both("noQuorumRequired")
            : Catalogue.both(q.met ? "quorumMet" : "quorumNotYetMet", ["counted": String(q.counted), "needed": String(q.needed)])
        let ballots = turnout.ballots.map { ballot -> [String: Any] in
            var item: [String: Any] = ["title": ballot.title, "open": ballot.open]
            if ballot.open {
                item["votesCast"] = Catalogue.both(ballot.votes == 1 ? "votesCastOne" : "votesCast", ["count": String(ballot.votes)])
            } else if let record = try? database.ballot(ballot.id), let result = record.counted {
                item["result"] = Self.resultContext(result, options: record.options)
            }
            return item
        }
        return PageTemplates.page(
            "projector", title: "projectorTitle",
            [
                "heading": Catalogue.both("assemblyOf", ["date": assembly.date.description]), "place": assembly.place,
                "presence": Catalogue.both(
                    "presentRepresented",
                    ["present": String(turnout.present), "represented": String(turnout.represented), "electorate": String(turnout.electorate)]),
                "quorum": quorum, "qr": QRCode.svg(url) ?? "", "url": url, "ballots": ballots, "head": "\(head.size):\(head.root)",
            ], headers: [HTTPField.Name("Refresh")!: "10"])
    }

    /// A closed ballot's result (outcome and bar chart) as HTML, for the board's agenda.
    static func result(_ counted: BallotResult, options: [BallotOption]) -> String {
        PageTemplates.library.render("ballot-result", ["result": resultContext(counted, options: options), "t": Catalogue.table])
    }

    /// What the `ballot-result` template shows: the outcome, the chair's decision or a waived
    /// quorum where there is one, and the bars of the chart.
    static func resultContext(_ result: BallotResult, options: [BallotOption]) -> [String: Any] {
        let names = Dictionary(uniqueKeysWithValues: options.map { ($0.id, $0.name) })
        var bars: [(String, Int)] = []
        var context: [String: Any] = [:]
        if let count = result.yesNo {
            bars = [(Self.label("choiceYes"), count.yes), (Self.label("choiceNo"), count.no), (Self.label("choiceBlank"), count.blank)]
            // After a tie the chair's recorded decision is the outcome.
            let key: String =
                switch result.decided {
                case .adopted: "outcomeAdopted"
                case .rejected: "outcomeRejected"
                case .noQuorum: "outcomeNoQuorum"
                case .revote: "outcomeRevote"
                case .chairDecides: "outcomeChairDecides"
                case .decided: "outcomeAdopted"
                }
            context["outcome"] = Catalogue.both(key)
            if let chair = result.chairDecision?.chair { context["chairNote"] = Catalogue.both("chairDecidedAfterTie", ["chair": chair]) }
            if result.quorum?.waived == true { context["waivedNote"] = Catalogue.both("secondMeetingWithoutQuorum") }
        } else {
            let elected = (result.elected ?? []).map { names[$0] ?? $0 }
            context["outcome"] = elected.isEmpty ? Catalogue.both("nothingChosen") : Catalogue.both("chosen", ["names": elected.joined(separator: ", ")])
            if let project = result.stoppedAt, let euros = result.topUp {
                context["topUpNote"] = Catalogue.both("topUp", ["project": names[project] ?? project, "amount": HTML.euros(euros)])
            }
            bars = (result.rounds?.first?.counts ?? []).compactMap { count in Int(count.value).map { (names[count.id] ?? count.id, $0) } }
        }
        guard !bars.isEmpty else { return context }
        let maximum = max(1, bars.map(\.1).max() ?? 1)
        context["chart"] = [
            "height": bars.count * 44, "label": bars.map { "\($0.0): \($0.1)" }.joined(separator: ", "),
            "bars": bars.enumerated().map { index, bar -> [String: Any] in
                let width = 300 * bar.1 / maximum
                let y = index * 44
                return ["name": bar.0, "value": bar.1, "textY": y + 26, "rectY": y + 8, "width": max(width, 2), "valueX": 226 + width, "valueY": y + 28]
            },
        ]
        return context
    }

    /// "voor / yes": a short label in both languages, for a chart.
    static func label(_ key: String) -> String { "\(Catalogue.text(key, .nl).lowercased()) / \(Catalogue.text(key, .en).lowercased())" }
}
