import CVMEmulator
import Foundation
import Testing

@Suite struct StateTests {
    @Test func demoDataHasTheAdvertisedMix() {
        let state = EmulatorState.demo()
        #expect(state == EmulatorState.demo())
        #expect(state.regions.count >= 5)
        let nanjing = state.region("ap-nanjing")!.images
        let own = nanjing.filter { $0.ownerAccountId == EmulatorState.demoAccountId }
        #expect(own.count == 150)
        let states = Dictionary(grouping: own, by: \.imageState).mapValues(\.count)
        #expect(states["NORMAL", default: 0] > 100)
        for s in ["CREATING", "CREATEFAILED", "SYNCING"] {
            #expect(states[s, default: 0] > 0, "\(s)")
        }
        #expect(own.contains { $0.licenseType == "BYOL" })
        #expect(own.filter(\.encrypted).count == 2)
        #expect(own.contains { $0.imageName.unicodeScalars.contains { $0.value >= 0x3040 } })
        #expect(own.contains { !$0.shares.isEmpty })
        #expect(Set(own.map(\.platform)).count >= 5)
        #expect(nanjing.contains { $0.isPublic })
        #expect(nanjing.contains { $0.shares.contains { $0.accountId == EmulatorState.demoAccountId } })
        let ids = state.regions.flatMap(\.images).filter { !$0.isPublic }.map(\.imageId)
        #expect(Set(ids).count == ids.count)
        #expect(state.account(EmulatorState.collaboratorAccountId)?.kind == .collaborator)
        for partner in EmulatorState.partnerAccountIds + EmulatorState.bulkPartnerAccountIds {
            #expect(state.account(partner)?.kind == .root)
        }
    }

    @Test func generatedIsDeterministic() {
        let a = EmulatorState.generated(images: 300, region: "ap-guangzhou", seed: 9)
        #expect(a == EmulatorState.generated(images: 300, region: "ap-guangzhou", seed: 9))
        #expect(a != EmulatorState.generated(images: 300, region: "ap-guangzhou", seed: 10))
        #expect(a.region("ap-guangzhou")!.images.filter { !$0.isPublic }.count == 300)
        #expect(
            EmulatorState.generated(images: 5, region: "xx-new-1", seed: 1).region("xx-new-1")?.images.isEmpty == false)
    }

    @Test func generatedInSeveralRegionsHasUniqueIdsInEach() {
        let regions = ["ap-nanjing", "ap-tokyo", "ap-singapore"]
        let state = EmulatorState.generated(images: 40, regions: regions, seed: 3)
        let own = regions.map { region in state.region(region)!.images.filter { !$0.isPublic } }
        #expect(own.map(\.count) == [40, 40, 40])
        let ids = own.flatMap { $0.map(\.imageId) }
        #expect(Set(ids).count == ids.count)
        // The first region's images are those of the one-region form.
        #expect(
            own[0] == EmulatorState.generated(images: 40, seed: 3).region("ap-nanjing")!.images.filter { !$0.isPublic })
    }

    @Test func stateRoundTripsThroughJSON() throws {
        let state = EmulatorState.demo()
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(EmulatorState.self, from: data) == state)
    }
}
