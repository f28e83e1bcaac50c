import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem proposal submit|admit|list`
struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal", abstract: "Proposals for an assembly's agenda, checked by the statute.",
        discussion: """
            Examples:
              buurtstem proposal submit --assembly 1 --title "Bankjes op het plein" --kind gewoon --by members:R1,R2,R3 --on 2026-02-25
              buurtstem proposal submit --assembly 1 --title "Minimumleeftijd 18" --kind statutenwijziging --amendment nieuw.statuut --inspection-from 2026-03-01
              buurtstem proposal admit 1
            """,
        subcommands: [Submit.self, Support.self, Admit.self, List.self])

    struct Support: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a member's support to a members' proposal, until the deadline for proposals (also after a refusal for too few supporters).")
        @Argument(help: "The proposal's number (printed when it was submitted; see `buurtstem proposal list`).") var id: ProposalID
        @Argument(help: "The supporting member's id.") var member: String
        @Option(help: "The day the support was given (YYYY-MM-DD; default today).") var on: String?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            var day: CivilDate?
            if let on {
                guard let parsed = CivilDate(iso: on) else { throw refusal("cliOnIsADate") }
                day = parsed
            }
            try refusing { try database.open().supportProposal(id, member: ResidentID(member), on: day) }
            say("cliSupports", ["member": "\(member)", "id": "\(id)"])
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Submit a proposal.")
        @Option(help: "The assembly's number (see `buurtstem assembly list`).") var assembly: AssemblyID
        @Option(help: "A short title.") var title: String
        @Option(help: "The kind of decision (gewoon, statutenwijziging, wijkbudget, …).") var kind: String = "gewoon"
        @Option(help: "The text of the proposal.") var text: String = ""
        @Option(help: "Who proposes: board, members:ID,ID,… or party:NAME.") var by: String = "board"
        @Option(help: "For a statute amendment: the full new statute file.") var amendment: String?
        @Option(help: "For a statute amendment: the day its text was laid out for inspection.") var inspectionFrom: CivilDate?
        @Option(help: "The day it is submitted (default: today).") var on: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let source: ProposalSource
            if by == "board" {
                source = .board
            } else if by.hasPrefix("members:") {
                source = .members(by.dropFirst(8).split(separator: ",").map { ResidentID(String($0)) })
            } else if by.hasPrefix("party:") {
                source = .party(String(by.dropFirst(6)))
            } else {
                throw refusal("cliProposalBy")
            }
            let amendmentText = try amendment.map { try SourceReader.read($0).text }
            let proposal = try refusing {
                try database.open().submitProposal(
                    Proposal(
                        id: 0, title: title, text: text, kind: kind, source: source, assembly: assembly, amendmentText: amendmentText,
                        inspectionFrom: inspectionFrom), on: on ?? today())
            }
            say("cliProposalSubmitted", ["id": "\(proposal.id)", "assembly": "\(assembly)"])
        }
    }

    struct Admit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Admit a proposal to the agenda (or say why not).")
        @Argument(help: "The proposal's number (printed when it was submitted; see `buurtstem proposal list`).") var id: ProposalID
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            _ = try refusing { try database.open().admitProposal(id) }
            say("cliProposalAdmitted", ["id": "\(id)"])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List proposals.")
        @Option(help: "Only the proposals of the assembly with this number.") var assembly: AssemblyID?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            for p in try database.open().proposals(assembly: assembly) {
                let state: String =
                    switch p.state {
                    case .draft: Speech.text("cliProposalDraft")
                    case .submitted: Speech.text("cliProposalSubmittedState")
                    case .admitted: Speech.text("cliProposalAdmittedState")
                    case .refused(let r): Speech.text("cliProposalRefusedState", ["reason": Speech.language == .nl ? r.nl : r.en])
                    case .onAgenda: Speech.text("cliProposalVoting")
                    case .decided: Speech.text("cliProposalDecided")
                    }
                say("cliProposalLine", ["id": "\(p.id)", "assembly": "\(p.assembly)", "kind": p.kind.padding(18), "title": p.title, "state": state])
            }
        }
    }
}
