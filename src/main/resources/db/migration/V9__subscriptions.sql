-- The tenant's subscriptions (Microsoft Graph directory/subscriptions): what was bought, its state, and when it moves to
-- its next state (nextLifecycleDateTime: renewal, expiry or deletion). Microsoft gives no billing term, so none is
-- stored. A subscription missing from a complete listing is kept, with removed_at (history is ours to keep).
create table subscription (
    id                        uuid        primary key,
    commerce_subscription_id  text,
    sku_id                    uuid,
    sku_part_number           text,
    status                    text        not null,
    is_trial                  boolean     not null,
    total_licenses            integer     not null,
    created_at                timestamptz,
    next_lifecycle_at         timestamptz,
    owner_tenant_id           uuid,
    owner_type                text,
    first_seen_at             timestamptz not null,
    updated_at                timestamptz not null,
    removed_at                timestamptz
);

create index subscription_sku on subscription (sku_id) where removed_at is null;
create index subscription_next_lifecycle on subscription (next_lifecycle_at) where removed_at is null;
