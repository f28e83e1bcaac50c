import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import HTTPTypes
public import Hummingbird
import Statuut

/// The projector at the assembly: turnout, quorum, how many have voted on each open ballot (never
/// what), results with a bar chart once a ballot closes, the audit head, and a QR code to the
/// voting page. Refreshes itself every 10 seconds without JavaScript.
struct ProjectorPage: Sendable {
    let database: AppDatabase

    func register(on router: Router<WebContext>) {
        router.get("projector/:id") { request, context in try self.page(request, try context.id("id"), siteURL: context.siteURL(request)) }
    }

    func page(_ request: Request, _ id: Int, siteURL url: String) throws -> Response {
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
        let ballots = try turnout.ballots.map { ballot -> [String: Any] in
            var item: [String: Any] = ["title": ballot.title, "open": ballot.open]
            if ballot.open {
                item["votesCast"] = Catalogue.both("votesCast", ["count": String(ballot.votes)])
            } else if let record = try? database.ballot(ballot.id), let result = record.result {
                item["result"] = Self.resultContext(result, options: record.options) as Any
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
    static func result(_ json: String, options: [BallotOption]) -> String {
        guard let context = resultContext(json, options: options) else { return "" }
        return PageTemplates.library.render("ballot-result", ["result": context, "t": Catalogue.table])
    }

    /// What the `ballot-result` template shows: the outcome, the chair's decision or a waived
    /// quorum where there is one, and the bars of the chart.
    static func resultContext(_ json: String, options: [BallotOption]) -> [String: Any]? {
        guard let result = JSONValue.parse(json) else { return nil }
        let names = Dictionary(uniqueKeysWithValues: options.map { ($0.id, $0.name) })
        var bars: [(String, Int)] = []
        var context: [String: Any] = [:]
        if result["method"]?.string == "yes-no" {
            bars = [
                (Self.label("choiceYes"), result["yes"]?.int ?? 0), (Self.label("choiceNo"), result["no"]?.int ?? 0),
                (Self.label("choiceBlank"), result["blank"]?.int ?? 0),
            ]
            var decided = result["outcome"]?.string ?? ""
            // After a tie the chair's recorded decision is the outcome.
            if decided == "chairDecides", let adopted = result["chairDecision"]?["adopted"]?.bool { decided = adopted ? "adopted" : "rejected" }
            let key = [
                "adopted": "outcomeAdopted", "rejected": "outcomeRejected", "noQuorum": "outcomeNoQuorum", "revote": "outcomeRevote",
                "chairDecides": "outcomeChairDecides",
            ][decided]
            context["outcome"] = key.map { Catalogue.both($0) } ?? ["nl": decided, "en": decided]
            if let chair = result["chairDecision"]?["chair"]?.string { context["chairNote"] = Catalogue.both("chairDecidedAfterTie", ["chair": chair]) }
            if result["quorum"]?["waived"]?.bool == true { context["waivedNote"] = Catalogue.both("secondMeetingWithoutQuorum") }
        } else {
            let elected: [String] = if case .array(let ids)? = result["elected"] { ids.compactMap(\.string).map { names[$0] ?? $0 } } else { [] }
            context["outcome"] = Catalogue.both("chosen", ["names": elected.joined(separator: ", ")])
            if case .array(let rounds)? = result["rounds"], case .array(let counts)? = rounds.first?["counts"] {
                bars = counts.compactMap { entry in
                    guard let id = entry["id"]?.string, let value = entry["value"]?.string.flatMap({ Int($0) }) else { return nil }
                    return (names[id] ?? id, value)
                }
            }
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
