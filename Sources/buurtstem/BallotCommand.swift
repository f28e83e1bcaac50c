import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem ballot open|enter|close|result`
struct BallotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ballot", abstract: "Ballots on the agenda's proposals: open, enter paper votes, close and count.",
        discussion: """
            The method, seats and budget come from the proposal's decision kind in the statute.
            Examples:
              buurtstem ballot open 2 --option speeltuin:Speeltuin:15000 --option bankjes:Bankjes:4000
              buurtstem ballot enter 2 speeltuin,bankjes --count 14
              buurtstem ballot enter 1 voor --count 12
              buurtstem ballot close 1                  # the result to read; --format json prints the stored result
              buurtstem ballot result 1 --format json
              buurtstem ballot chair 3 --adopted --chair "Fatima Amrani"
            A tie under `staking herstemming` sends the proposal back for a second round: open its ballot again.
            """,
        subcommands: [Open.self, Enter.self, Close.self, Chair.self, Result.self, Board.self, Recount.self, Verify.self])

    struct Chair: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the chair's casting decision after a tie, where the statute says `staking voorzitter beslist`.")
        enum Decision: String, EnumerableFlag { case adopted, rejected }
        @Argument(help: "The number of the ballot whose votes tied.") var ballot: BallotID
        @Flag(help: "The chair's decision.") var decision: Decision
        @Option(help: "Who chaired (for the minutes).") var chair: String
        @Option(help: "text (the result to read, default) or json (the stored result).") var format: BallotResultText.Format = .text
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let db = try database.open()
            let (result, head) = try refusing { try db.decideByChair(ballot: ballot, adopted: decision == .adopted, chair: chair) }
            print(format == .json ? result.json.encoded() : try BallotResultText.text(result, ballot: ballot, database: db))
            say("cliAuditHead", ["head": "\(head)"])
        }
    }

    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The public board of a closed ballot: every receipt, and every choice as a separate sorted list.",
            discussion: """
                No choice stands beside a receipt: a receipt shows that a vote is in the count, not what it was.
                Examples:
                  buurtstem ballot board 1                 # both lists, each under a `# ` heading
                  buurtstem ballot board 1 --receipts      # only the receipts, one per line
                  buurtstem ballot board 1 --choices       # only the choices, one per line
                """)
        @Argument(help: "The ballot's number (printed when it opened; `buurtstem assembly turnout ASSEMBLY` lists them).") var ballot: BallotID
        @Flag(help: "Only the receipts.") var receipts = false
        @Flag(help: "Only the choices.") var choices = false
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let board = try refusing { try database.open().ballotBoard(ballot) }
            if !choices {
                if !receipts { say("cliBoardReceipts", ["count": String(board.receipts.count)]) }
                for receipt in board.receipts { print(receipt) }
            }
            if !receipts {
                if !choices { say("cliBoardChoices", ["count": String(board.choices.count)]) }
                for choice in board.choices { print(choice) }
            }
        }
    }

    struct Recount: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Recount a closed ballot from its public board; exit 1 if it differs.")
        @Argument(help: "The ballot's number (printed when it opened; `buurtstem assembly turnout ASSEMBLY` lists them).") var ballot: BallotID
        @Option(help: "text (the recount to read, default) or json.") var format: BallotResultText.Format = .text
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let db = try database.open()
            let (matches, recount) = try refusing { try db.recount(ballot) }
            print(format == .json ? recount.json.encoded() : try BallotResultText.text(recount, ballot: ballot, database: db))
            say(matches ? "cliRecountMatches" : "cliRecountDiffers")
            if !matches { throw ExitCode(1) }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every ballot: votes stored = codes used (+ paper votes entered) = votes in the audit log; exit 1 if not.")
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let ballots = try database.open().voteIntegrity()
            for b in ballots {
                print(
                    Speech.text(
                        "cliBallotIntegrity",
                        [
                            "ballot": "\(b.ballot)", "votes": String(b.votes), "codes": String(b.codesUsed), "entered": String(b.entered),
                            "audited": String(b.auditedVotes), "allowed": String(b.votesAllowed),
                        ]) + (b.isConsistent ? "" : Speech.text("cliMismatch"))
                        + (b.votes > b.votesAllowed ? Speech.text("cliTooManyVotes") : ""))
                for problem in b.logProblems { print("  - \(problem)") }
            }
            guard ballots.allSatisfy(\.isConsistent) else { throw ExitCode(1) }
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open the ballot on a proposal (waits for required advice or consent).")
        @Argument(help: "The proposal's number (printed when it was submitted; see `buurtstem proposal list`).") var proposal: ProposalID
        @Option(
            help: "An option ID:NAME, or ID:NAME:COST for budget ballots; add :DESCRIPTION to say what it is (ID:NAME::DESCRIPTION without a cost). Repeat."
        ) var option: [String] = []
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let options = try option.map { text in
                do throws(BallotOption.Malformed) { return try BallotOption(parsing: text) } catch {
                    throw ValidationError(Speech.language == .nl ? error.nl : error.en)
                }
            }
            let ballot = try refusing { try database.open().openBallot(proposal: proposal, options: options) }
            print(
                Speech.text(
                    "cliBallotOpen", ["id": "\(ballot.id)", "method": ballot.method.rawValue, "options": ballot.options.map(\.id).joined(separator: ", ")])
                    + (ballot.seats.map { Speech.text("cliBallotSeats", ["count": String($0)]) } ?? "")
                    + (ballot.budget.map { Speech.text("cliBallotBudget", ["amount": String($0)]) } ?? ""))
        }
    }

    struct Enter: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enter votes counted on paper.")
        @Argument(help: "The ballot's number (printed when it opened; `buurtstem assembly turnout ASSEMBLY` lists them).") var ballot: BallotID
        @Argument(help: "The choice: yes/no/blank (voor/tegen/blanco), an option, or options in order separated by commas.") var choice: String
        @Option(help: "How many identical votes.") var count: Int = 1
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let receipts = try refusing { try database.open().enterVotes(ballot: ballot, choice: choice, count: count) }
            say(receipts.count == 1 ? "cliEnteredOne" : "cliEnteredMany", ["count": String(receipts.count), "ballot": "\(ballot)"])
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close and count the ballot; prints the result and the audit head.")
        @Argument(help: "The ballot's number (printed when it opened; `buurtstem assembly turnout ASSEMBLY` lists them).") var ballot: BallotID
        @Option(help: "text (the result to read, default) or json (the stored result).") var format: BallotResultText.Format = .text
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let db = try database.open()
            let (result, head) = try refusing { try db.closeBallot(ballot) }
            print(format == .json ? result.json.encoded() : try BallotResultText.text(result, ballot: ballot, database: db))
            say("cliAuditHead", ["head": "\(head)"])
        }
    }

    struct Result: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a closed ballot's result.")
        @Argument(help: "The ballot's number (printed when it opened; `buurtstem assembly turnout ASSEMBLY` lists them).") var ballot: BallotID
        @Option(help: "text (the result to read, default) or json (the stored result).") var format: BallotResultText.Format = .text
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let db = try database.open()
            let record = try refusing { try db.ballot(ballot) }
            guard let stored = record.result, let result = record.counted else { throw refusal("cliBallotStillOpen", ["ballot": "\(ballot)"]) }
            print(format == .json ? stored : try BallotResultText.text(result, ballot: ballot, database: db))
        }
    }
}
