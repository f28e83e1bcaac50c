import ArgumentParser
import BuurtstemStore
import BuurtstemWeb
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `buurtstem serve --db FILE | --associations DIR [--host 127.0.0.1] [--port 8080] [--trusted-proxy ADDR]`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the voting pages and the JSON API for an association (or a folder of them).",
        discussion: """
            Residents vote on their phones at http://HOST:PORT/ with the code from their letter; the JSON
            API is under /api/v1 (see docs/api.md). Stops gracefully on SIGTERM or SIGINT. The command-line
            tool can work on the same database at the same time.

            With --associations DIR every NAME.sqlite in DIR is an association, served for host names
            whose first label is NAME (wildeman.stem.example.nl, or wildeman.localhost on this machine).
            Files added or removed are picked up without a restart. The operator's endpoints are /healthz,
            /readyz and /metrics (Prometheus; only for requests that did not come through the proxy; with
            --metrics-port also on 127.0.0.1 at that port, for monitoring on the proxy's own machine).
            Put the server behind HTTPS (deploy/Caddyfile, docs/operations.md) with --trusted-proxy.

            Examples:
              buurtstem serve --db wildeman.sqlite --port 8080
              buurtstem serve --associations /var/lib/buurtstem/associations --trusted-proxy 127.0.0.1 --log-format json
            """)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Serve every NAME.sqlite in this folder, by host name (instead of --db).") var associations: String?
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port.") var port = 8080
    @Option(help: "Most connections at once (lowered to fit the open-file limit).") var maxConnections = 4_096
    @Option(
        name: .customLong("trusted-proxy"),
        help: "The address of a reverse proxy (Caddy) whose X-Forwarded-For and X-Forwarded-Proto are believed; repeat for more.")
    var trustedProxies: [String] = []
    @Option(help: "Also serve /metrics, /healthz and /readyz on 127.0.0.1 at this port, for the monitoring on this machine.")
    var metricsPort: Int?
    @Option(help: "text (for people) or json (one object per line, for journald and log shippers).") var logFormat = "text"
    @Option(help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"

    func validate() throws {
        guard ["text", "json"].contains(logFormat) else { throw refusal("cliLogFormat", ["format": logFormat]) }
        guard Logger.Level(rawValue: logLevel) != nil else { throw refusal("cliLogLevel") }
        if associations != nil, database.db != nil { throw refusal("cliAssociationsNoDb") }
    }

    func run() async throws {
        let descriptors = Self.raiseDescriptorLimit()
        let limits = ConnectionLimits(total: maxConnections).fitting(descriptors: descriptors)
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let format = logFormat
        var logger = Logger(label: "buurtstem") { label in
            format == "json" ? JSONLogHandler(label: label, level: level) as any LogHandler : StreamLogHandler.standardError(label: label)
        }
        logger.logLevel = level
        var settings = ServerSettings(
            host: host, port: port, connections: ConnectionRegistry(limits: limits, trustedProxies: Set(trustedProxies), logger: logger),
            trustedProxies: Set(trustedProxies), logger: logger)
        settings.operationsPort = metricsPort
        let limitsLine = "at most \(limits.total) connections (\(descriptors) open files allowed)"
        if let associations {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: associations, isDirectory: &isFolder), isFolder.boolValue else {
                throw refusal("cliNotAFolder", ["path": associations])
            }
            say("cliServesFolder", ["path": associations, "host": host, "port": String(port), "limits": limitsLine])
            fflush(nil)
            let directory = AssociationDirectory(folder: URL(fileURLWithPath: associations), settings: settings)
            try await BuurtstemServer.run(directory: directory, settings: settings)
        } else {
            let db = try database.open()
            let path = try database.path()
            // Held while serving: `buurtstem restore` refuses to swap the file under a running server.
            let lock = ServingLock(serving: path)
            say("cliServes", ["path": path, "host": host, "port": String(port), "limits": limitsLine])
            fflush(nil)  // every output stream: the line shows at once when the output is a file
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            try await BuurtstemServer.run(database: db, association: AssociationDirectory.isValidName(name) ? name : "default", settings: settings)
            withExtendedLifetime(lock) {}
        }
    }

    /// Raises the soft open-file limit to the hard one where allowed; returns the limit in force.
    static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1_024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 65_536)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(min(limit.rlim_cur, 1 << 20))
    }
}
