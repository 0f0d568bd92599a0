import CVMEmulator
import Foundation
import Logging

@testable import Shell

/// A small, named image set for share-file tests: the demo accounts and regions, with the demo
/// account's own images in ap-nanjing and ap-singapore replaced by these.
enum DesiredFixture {
    static let partners = EmulatorState.partnerAccountIds
    static let webProd1 = "img-webprod1"
    static let webProd2 = "img-webprod2"
    static let dbProd1 = "img-dbprod01"
    static let webDev1 = "img-webdev01"
    static let creating = "img-webnew01"
    static let byol = "img-webbyol1"
    static let singapore = "img-sgweb001"

    static func image(
        _ id: String, _ name: String, shares: [String] = [], state: String = "NORMAL", licence: String = "TencentCloud"
    ) -> EmulatorState.Image {
        EmulatorState.Image(
            imageId: id, ownerAccountId: EmulatorState.demoAccountId, osName: "TencentOS Server 3.1 (TK4)",
            createdTime: "2026-01-01T00:00:00Z", imageName: name, imageState: state,
            platform: "TencentOS", licenseType: licence,
            shares: shares.map { .init(accountId: $0, createdTime: "2026-02-01T00:00:00Z") })
    }

    /// web-prod-1 shared with partner 0, db-prod-1 with partners 1 and 2, web-dev-1 with partner 3;
    /// web-prod-new is CREATING and web-prod-byol BYOL. ap-singapore holds web-prod-sg.
    static func state() -> EmulatorState {
        var state = EmulatorState.demo()
        let own: [String: [EmulatorState.Image]] = [
            "ap-nanjing": [
                image(webProd1, "web-prod-1", shares: [partners[0]]), image(webProd2, "web-prod-2"),
                image(dbProd1, "db-prod-1", shares: [partners[1], partners[2]]),
                image(webDev1, "web-dev-1", shares: [partners[3]]),
                image(creating, "web-prod-new", state: "CREATING"), image(byol, "web-prod-byol", licence: "BYOL"),
            ],
            "ap-singapore": [image(singapore, "web-prod-sg")],
        ]
        for index in state.regions.indices {
            let region = state.regions[index].region
            state.regions[index].images.removeAll { $0.ownerAccountId == EmulatorState.demoAccountId }
            state.regions[index].images += own[region] ?? []
        }
        return state
    }

    static var options: EmulatorOptions { EmulatorOptions(state: state(), rateLimit: .off) }
}

extension ShellHarness {
    /// Writes `text` to `name` in the test's HOME and returns its path.
    func writeFile(_ name: String, _ text: String) throws -> String {
        let path = home + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Another shell against the same endpoint and HOME (journal): a second cvmsh process, with
    /// caches of its own. Scripts, `set confirm off`.
    func otherShell() throws -> (Interpreter, TestConsole) {
        var session = Session(
            endpoint: interpreter.session.endpoint, region: EmulatorState.demoRegion,
            settings: Settings(onError: .stop))
        session.settings.confirm = false
        let console = TestConsole()
        let shell = Interpreter(
            session: session, console: console, services: interpreter.services, isInteractive: false)
        return (shell, console)
    }
}

extension Interpreter {
    /// Runs `text` as a script, as ``ShellHarness/run(_:source:)`` does.
    func run(_ text: String) async -> ScriptOutcome {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        return await runScript(source: "other.cvmsh") { body in
            for line in lines where await !body(line) { break }
            return nil
        }
    }
}
