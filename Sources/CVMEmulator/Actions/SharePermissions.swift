import TencentCloudCore

extension Action {
    /// Most accounts one image can be shared with.
    static let maxSharesPerImage = 500

    /// Finds the caller's own image in the region for a share-permission action.
    private static func ownedImage(
        _ imageId: String, context: ActionContext, region: EmulatorState.Region
    ) throws(APIError) -> Int {
        guard Identifiers.isImageId(imageId) else { throw Identifiers.malformedImageId(imageId) }
        // Another account's image that the caller cannot see does not exist as far as it knows.
        guard let index = region.images.firstIndex(where: { $0.imageId == imageId }),
            imageType(of: region.images[index], for: context.caller.accountId) != nil
        else {
            throw APIError(
                "InvalidImageId.NotFound", "The image `\(imageId)` does not exist in region `\(region.region)`.")
        }
        guard region.images[index].ownerAccountId == context.caller.accountId else {
            throw APIError(
                "UnauthorizedOperation.ImageNotBelongToAccount",
                "The image `\(imageId)` does not belong to account `\(context.caller.accountId)`.")
        }
        return index
    }

    /// DescribeImageSharePermission: every account the caller's image is shared with, oldest first.
    static func describeImageSharePermission(
        _ context: ActionContext, region: EmulatorState.Region
    ) throws(APIError) -> [JSONValue.Member] {
        let imageId = try context.parameters.requiredString("ImageId")
        let index = try ownedImage(imageId, context: context, region: region)
        let set = region.images[index].shares.map { share in
            JSONValue.object([
                JSONValue.Member("CreatedTime", .string(share.createdTime)),
                JSONValue.Member("AccountId", .string(share.accountId)),
            ])
        }
        return [JSONValue.Member("SharePermissionSet", .array(set))]
    }

    /// ModifyImageSharePermission: shares or unshares the caller's image with root accounts.
    /// All or nothing: the first account that fails a check fails the whole call.
    static func modifyImageSharePermission(
        _ context: ActionContext, region: inout EmulatorState.Region, accounts: [EmulatorState.Account]
    ) throws(APIError) -> [JSONValue.Member] {
        let p = context.parameters
        let imageId = try p.requiredString("ImageId")
        let accountIds = try p.requiredStrings("AccountIds")
        let permission = try p.requiredString("Permission")

        guard permission == "SHARE" || permission == "CANCEL" else {
            throw APIError.invalidParameterValue(
                "The value of `Permission` must be `SHARE` or `CANCEL`, not `\(permission)`.")
        }
        guard !accountIds.isEmpty else {
            throw APIError.invalidParameterValue("`AccountIds` must contain at least one account id.")
        }
        if let cap = context.maxAccountIdsPerCall, accountIds.count > cap {
            throw APIError(
                "InvalidParameterValue.LimitExceeded", "At most \(cap) `AccountIds` may be given in one call.")
        }
        let index = try ownedImage(imageId, context: context, region: region)
        let image = region.images[index]
        guard image.imageState == "NORMAL" else {
            throw APIError(
                "InvalidParameterValue.InvalidImageState",
                "The image `\(imageId)` is in state `\(image.imageState)`; only NORMAL images can be shared.")
        }
        if permission == "SHARE" {
            if image.encrypted {
                throw APIError(
                    "UnsupportedOperation.EncryptedImagesNotSupported", "Encrypted images are not supported.")
            }
            if image.licenseType == "BYOL" {
                throw APIError("FailedOperation.BYOLImageShareFailed", "BYOL images cannot be shared.")
            }
        }

        var unique: [String] = []
        for id in accountIds where !unique.contains(id) { unique.append(id) }
        for id in unique {
            guard Identifiers.isAccountId(id), let account = accounts.first(where: { $0.accountId == id }) else {
                throw APIError("InvalidAccountId.NotFound", "The account id `\(id)` is invalid.")
            }
            if id == context.caller.accountId || id == context.caller.principal.accountId {
                throw APIError("FailedOperation.AccountIsYourSelf", "You cannot share images with yourself.")
            }
            if account.kind != .root {
                throw APIError(
                    "FailedOperation.NotMasterAccount", "The account `\(id)` is not a root account (主账号).")
            }
            if permission == "SHARE", image.shares.contains(where: { $0.accountId == id }) {
                throw APIError(
                    "FailedOperation.AccountAlreadyExists", "The image is already shared with account `\(id)`.")
            }
        }

        if permission == "SHARE" {
            guard image.shares.count + unique.count <= maxSharesPerImage else {
                throw APIError(
                    "OverQuota",
                    "An image can be shared with at most \(maxSharesPerImage) accounts; it has \(image.shares.count).")
            }
            let created = ISOTime.format(Int(context.now))
            region.images[index].shares += unique.map {
                EmulatorState.SharePermission(accountId: $0, createdTime: created)
            }
        } else {
            region.images[index].shares.removeAll { unique.contains($0.accountId) }
        }
        return []
    }
}
