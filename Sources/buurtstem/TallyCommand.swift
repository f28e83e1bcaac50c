import ArgumentParser
import BuurtstemCore
import Foundation
import Statuut

/// `buurtstem tally FILE [--method M] [--seats N] [--format text|json]`
struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Count a standard election file: Pabulib .pb, PrefLib .soi/.toi/.soc, or .blt.",
        discussion: """
            So that anyone can check the engine against public data. Methods: irv (instant runoff),
            stv (Scottish STV; needs seats, from the .blt or --seats), meek (Meek STV), schulze, plurality, approval,
            equal-shares, equal-shares-add1, greedy, greedy-top-up (Amsterdam's Buurtbudget rule: by
            approvals, stop at the first project that does not fit and fund it with extra money). Default: for .pb the file's rule
            (equalshares/add1 → equal-shares-add1, greedy → greedy); for ranked files stv when more
            than one seat, else irv. JSON has "method", "elected" (ids as in the file, in order),
            "ranking" (Schulze, plurality, approval) and "rounds". Schulze measures a defeat by the
            winner's votes (--strength winning-votes, the default, as Schulze recommends) or by the
            margin (--strength margins, pref_voting's default); they differ only on truncated ballots.

            Examples:
              buurtstem tally ../shared/data/pabulib/Poland_Swiecie_2023.pb
              buurtstem tally ../shared/data/preflib/00005-00000002.toi --method schulze --format json
              buurtstem tally ../shared/data/preflib/00005-00000002.toi --method schulze --strength margins
              buurtstem tally ../shared/data/preflib/glasgow_2007_anderston.blt
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case irv, stv, meek, schulze, plurality, approval
        case equalShares = "equal-shares"
        case equalSharesAdd1 = "equal-shares-add1"
        case greedy
        case greedyTopUp = "greedy-top-up"
    }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum Strength: String, ExpressibleByArgument, CaseIterable {
        case winningVotes = "winning-votes"
        case margins
        var value: Schulze.Strength { self == .margins ? .margins : .winningVotes }
    }

    @Argument(help: "The election file.") var file: String
    @Option(help: "The counting method (default: see above).") var method: Method?
    @Option(help: "Seats to fill (STV, approval).") var seats: Int?
    @Option(help: "text or json.") var format: Format = .text
    @Option(help: "Schulze: how strong a defeat is, winning-votes or margins.") var strength: Strength = .winningVotes

    func run() throws {
        let bytes = try readBytes(file)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw refusal("cliNotUTF8", ["path": file]) }
        let election: ElectionFile
        do { election = try ElectionFile.read(text, fileExtension: (file as NSString).pathExtension) } catch {
            throw ValidationError("\(file): \(error)")
        }
        let result: TallyResult
        switch election {
        case .ranked(let profile, let fileSeats, _):
            let seatCount = seats ?? fileSeats ?? 1
            switch method ?? (seatCount > 1 ? .stv : .irv) {
            case .irv: result = InstantRunoff.tally(profile)
            case .stv: result = ScottishSTV.tally(profile, seats: seatCount)
            case .meek: result = MeekSTV.tally(profile, seats: seatCount)
            case .schulze: result = Schulze.tally(profile, strength: strength.value)
            case .plurality: result = Plurality.tally(profile)
            case .approval:
                // Every ranked candidate counts as approved.
                var ballots: [[Int]] = []
                for b in 0..<profile.ballotCount {
                    let approved = profile.levelRange(of: b).flatMap { profile.cellRange(ofLevel: $0).map { Int(profile.cells[$0]) } }
                    for _ in 0..<profile.weights[b] { ballots.append(approved) }
                }
                result = Plurality.approval(ballots, options: profile.candidates, names: profile.names, winners: seatCount)
            case .equalShares, .equalSharesAdd1, .greedy, .greedyTopUp:
                throw refusal("cliNeedsPB", ["method": method!.rawValue])
            }
        case .budgeting(let profile, let rule, _, _):
            let fallback: Method = (rule ?? "").hasPrefix("greedy") ? .greedy : .equalSharesAdd1
            switch method ?? fallback {
            case .equalShares: result = EqualShares.tally(profile, completion: false)
            case .equalSharesAdd1: result = EqualShares.tally(profile, completion: true)
            case .greedy: result = EqualShares.greedy(profile)
            case .greedyTopUp: result = EqualShares.greedyWithTopUp(profile)
            case .approval:
                result = Plurality.approval(
                    profile.ballots, options: profile.projects.map(\.id), names: profile.projects.map(\.name),
                    winners: seats ?? 1)
            case .irv, .stv, .meek, .schulze, .plurality:
                throw refusal("cliNeedsRanked", ["method": method!.rawValue])
            }
        }
        print(format == .json ? result.json().encoded() : result.text(), terminator: format == .json ? "\n" : "")
    }
}
