import TencentCloudCore

/// How the emulator copies images between regions.
struct CopyBehaviour: Sendable {
    /// How long a copy stays `SYNCING`.
    var seconds: Double
    /// Whether the source shows `SYNCING` while it is being copied.
    var sourceSyncing: Bool
}

extension Action {
    /// Longest `ImageName` of a copy.
    static let maxImageNameLength = 60

    /// SyncImages (https://cloud.tencent.com/document/api/213/15711): copies one of the caller's
    /// NORMAL custom images to other regions (a shared-in image only into its own region), each
    /// copy a new image that is `SYNCING` for `behaviour.seconds`, then `NORMAL`.
    static func syncImages(
        _ context: ActionContext, regionIndex: Int, state: inout EmulatorState, behaviour: CopyBehaviour,
        ids: inout SplitMix64
    ) throws(APIError) -> [JSONValue.Member] {
        let p = context.parameters
        let imageIds = try p.requiredStrings("ImageIds")
        let destinations = try p.requiredStrings("DestinationRegions")
        let dryRun = try p.boolean("DryRun") ?? false
        let encrypt = try p.boolean("Encrypt") ?? false
        let setRequired = try p.boolean("ImageSetRequired") ?? false
        _ = try p.string("KmsKeyId")

        guard imageIds.count == 1 else {
            throw APIError(.accountIdLimitExceeded, "`ImageIds` must hold exactly one image id (one image per call).")
        }
        guard !destinations.isEmpty else {
            throw APIError.invalidParameterValue("`DestinationRegions` must contain at least one region.")
        }
        let source = state.regions[regionIndex]
        let image = try copiableImage(imageIds[0], context: context, region: source)
        let name = try p.string("ImageName") ?? image.imageName
        guard !name.isEmpty, name.count <= maxImageNameLength else {
            throw APIError.invalidParameterValue(
                "The value of `ImageName` must be 1 to \(maxImageNameLength) characters long.")
        }
        let quota = state.account(context.caller.accountId)?.imageQuota ?? context.caller.principal.imageQuota
        var targets: [Int] = []
        for destination in destinations where !targets.contains(where: { state.regions[$0].region == destination }) {
            let index = try destinationIndex(destination, state: state)
            try checkRoute(image: image, from: source.region, to: destination, encrypt: encrypt, caller: context.caller)
            try checkRoom(name: name, region: state.regions[index], owner: context.caller.accountId, quota: quota)
            targets.append(index)
        }
        if dryRun { return [JSONValue.Member("ImageSet", .array([]))] }

        var made: [JSONValue] = []
        let progress = EmulatorState.SyncProgress(started: context.now, seconds: behaviour.seconds)
        for index in targets {
            var copy = image
            copy.imageId = newImageId(state: state, rng: &ids)
            copy.ownerAccountId = context.caller.accountId
            copy.imageCreator = context.caller.accountId
            copy.imageName = name
            copy.createdTime = ISOTime.format(Int(context.now))
            copy.shares = []
            copy.encrypted = image.encrypted || encrypt
            copy.imageState = behaviour.seconds > 0 ? "SYNCING" : "NORMAL"
            copy.syncPercent = behaviour.seconds > 0 ? 0 : nil
            copy.sync = behaviour.seconds > 0 ? progress : nil
            state.regions[index].images.append(copy)
            made.append(
                .object([
                    JSONValue.Member("ImageId", .string(copy.imageId)),
                    JSONValue.Member("Region", .string(state.regions[index].region)),
                ]))
        }
        if behaviour.sourceSyncing, behaviour.seconds > 0,
            let i = state.regions[regionIndex].images.firstIndex(where: { $0.imageId == image.imageId })
        {
            state.regions[regionIndex].images[i].imageState = "SYNCING"
            state.regions[regionIndex].images[i].syncPercent = 0
            state.regions[regionIndex].images[i].sync = progress
        }
        return [JSONValue.Member("ImageSet", .array(setRequired ? made : []))]
    }

    /// The image to copy: visible to the caller, a custom image, `NORMAL`.
    private static func copiableImage(
        _ imageId: String, context: ActionContext, region: EmulatorState.Region
    ) throws(APIError) -> EmulatorState.Image {
        guard Identifiers.isImageId(imageId) else { throw Identifiers.malformedImageId(imageId) }
        guard let image = region.images.first(where: { $0.imageId == imageId }),
            imageType(of: image, for: context.caller.accountId) != nil
        else {
            throw APIError(.imageNotFound, "The image `\(imageId)` does not exist in region `\(region.region)`.")
        }
        guard !image.isPublic else {
            throw APIError(.invalidImageIdValue, "The image `\(imageId)` is a public image; only custom images copy.")
        }
        guard image.imageState == "NORMAL" else {
            throw APIError(
                .imageIncorrectState,
                "The image `\(imageId)` is in state `\(image.imageState)`; only NORMAL images can be copied.")
        }
        return image
    }

    /// The destination's position, for an existing, available region.
    private static func destinationIndex(_ region: String, state: EmulatorState) throws(APIError) -> Int {
        guard let index = state.regions.firstIndex(where: { $0.region == region }) else {
            throw APIError(.regionNotFound, "The region `\(region)` does not exist.")
        }
        guard state.regions[index].regionState == "AVAILABLE" else {
            throw APIError(.regionUnavailable, "The region `\(region)` is not available.")
        }
        return index
    }

    /// Own images go to other regions; shared-in images and encrypted copies stay in their region.
    private static func checkRoute(
        image: EmulatorState.Image, from source: String, to destination: String, encrypt: Bool, caller: Caller
    ) throws(APIError) {
        let own = image.ownerAccountId == caller.accountId
        if image.encrypted, destination != source {
            throw APIError(
                .syncEncryptImageNotSupport, "Encrypted images can be copied only within their own region.")
        }
        if encrypt || !own {
            guard destination == source else {
                throw APIError(
                    .invalidRegionValue,
                    own
                        ? "An encrypted copy can be made only in the image's own region `\(source)`."
                        : "An image shared with you can be copied only into its own region `\(source)`.")
            }
        } else if destination == source {
            throw APIError(.invalidRegionValue, "The destination `\(destination)` is the image's own region.")
        }
    }

    /// The destination must have room under the quota and no custom image of that name.
    private static func checkRoom(
        name: String, region: EmulatorState.Region, owner: String, quota: Int
    ) throws(APIError) {
        let own = region.images.filter { $0.ownerAccountId == owner }
        if own.contains(where: { $0.imageName == name }) {
            throw APIError(
                .imageNameDuplicate, "A custom image named `\(name)` already exists in region `\(region.region)`.")
        }
        guard own.count < quota else {
            throw APIError(
                .imageQuotaLimitExceeded, "The custom-image quota (\(quota)) of region `\(region.region)` is used up.")
        }
    }

    /// A fresh `img-` id, unique in every region.
    private static func newImageId(state: EmulatorState, rng: inout SplitMix64) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        while true {
            let id = "img-" + String((0..<8).map { _ in alphabet[Int(rng.next() % 36)] })
            if !state.regions.contains(where: { $0.images.contains { $0.imageId == id } }) { return id }
        }
    }
}
