import TencentCloudCore

extension Action {
    /// Most characters of `ImageDescription`.
    static let maxImageDescriptionLength = 256
    /// Most characters of `ImageFamily` (not documented; see docs/emulator.md).
    static let maxImageFamilyLength = 60

    /// DescribeImageFromFamily: the caller's newest usable image of the family in the region, or
    /// `null`. Usable means NORMAL and not deprecated; newest is the latest `CreatedTime`, ties
    /// broken by the smaller image id (the order DescribeImages lists).
    static func describeImageFromFamily(
        _ context: ActionContext, region: EmulatorState.Region, order: [Int]
    ) throws(APIError) -> [JSONValue.Member] {
        let family = try context.parameters.requiredString("ImageFamily")
        guard isImageFamily(family) else { throw invalidFamily(family) }
        let images = region.images
        let newest = order.first { index in
            let image = images[index]
            return image.ownerAccountId == context.caller.accountId && image.imageFamily == family
                && image.imageState == "NORMAL" && !image.imageDeprecated
        }
        return [JSONValue.Member("Image", newest.map { render(images[$0], type: "PRIVATE_IMAGE") } ?? .null)]
    }

    /// ModifyImageAttribute: changes the name, description, family or deprecation of the
    /// caller's own NORMAL image. Every value is checked before any is applied.
    /// - Parameter strict: also refuses an image the owner has shared out (the documentation's
    ///   "已分享的镜像无法修改属性" read in its wider sense).
    static func modifyImageAttribute(
        _ context: ActionContext, region: inout EmulatorState.Region, strict: Bool
    ) throws(APIError) -> [JSONValue.Member] {
        let p = context.parameters
        let imageId = try p.requiredString("ImageId")
        let name = try p.string("ImageName")
        let description = try p.string("ImageDescription")
        let family = try p.string("ImageFamily")
        let deprecated = try p.bool("ImageDeprecated")

        guard Identifiers.isImageId(imageId) else { throw Identifiers.malformedImageId(imageId) }
        let owner = context.caller.accountId
        guard let index = region.images.firstIndex(where: { $0.imageId == imageId }),
            imageType(of: region.images[index], for: owner) != nil
        else {
            throw APIError(
                .imageNotFound, "The image `\(imageId)` does not exist in region `\(region.region)`.")
        }
        let image = region.images[index]
        guard image.ownerAccountId == owner, !(strict && !image.shares.isEmpty) else {
            throw APIError(.sharedImageModifyUnsupported, "Shared images cannot be modified.")
        }
        guard image.imageState == "NORMAL" else {
            throw APIError(
                .imageIncorrectState,
                "The image `\(imageId)` is in state `\(image.imageState)`; only NORMAL images can be modified.")
        }
        if let name {
            guard !name.isEmpty else { throw APIError.invalidParameterValue("`ImageName` must not be empty.") }
            guard name.count <= maxImageNameLength else { throw tooLarge("ImageName", maxImageNameLength) }
            let taken = region.images.contains {
                $0.ownerAccountId == owner && $0.imageId != imageId && $0.imageName == name
            }
            if taken {
                throw APIError(.imageNameDuplicate, "An image named `\(name)` already exists in this region.")
            }
        }
        if let description, description.count > maxImageDescriptionLength {
            throw tooLarge("ImageDescription", maxImageDescriptionLength)
        }
        if let family, !family.isEmpty, !isImageFamily(family) { throw invalidFamily(family) }

        if let name { region.images[index].imageName = name }
        if let description { region.images[index].imageDescription = description }
        if let family { region.images[index].imageFamily = family }
        if let deprecated { region.images[index].imageDeprecated = deprecated }
        return []
    }

    /// A family name: 1 to 60 letters, digits, `-`, `_` or `.`, starting with a letter or digit.
    static func isImageFamily(_ family: String) -> Bool {
        guard let first = family.utf8.first, family.utf8.count <= maxImageFamilyLength else { return false }
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
        }
        return isAlphanumeric(first) && family.utf8.allSatisfy { isAlphanumeric($0) || "-_.".utf8.contains($0) }
    }

    private static func invalidFamily(_ family: String) -> APIError {
        APIError(
            .invalidImageFamily,
            "The image family `\(family)` is invalid: use 1 to \(maxImageFamilyLength) letters, digits, "
                + "`-`, `_` or `.`, starting with a letter or digit.")
    }

    private static func tooLarge(_ name: String, _ limit: Int) -> APIError {
        APIError(.valueTooLarge, "`\(name)` must be at most \(limit) characters.")
    }
}
