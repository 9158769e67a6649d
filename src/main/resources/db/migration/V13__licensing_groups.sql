-- Licensing groups (Microsoft Graph: the groups whose assignedLicenses is not empty, CONTRACT.md §10.5): what they
-- grant, what kind they are (which decides who may change their membership) and their members. A group missing from a
-- complete listing keeps its row with removed_at; its licenses and members rows go.
create table licensing_group (
    id                 uuid        primary key,
    display_name       text,
    kind               text        not null, -- SECURITY | MICROSOFT_365 | MAIL_ENABLED_SECURITY
    dynamic            boolean     not null, -- groupTypes contains DynamicMembership: members by membership_rule
    on_premises_synced boolean     not null, -- onPremisesSyncEnabled: managed in on-premises AD
    membership_rule    text,
    first_seen_at      timestamptz not null,
    updated_at         timestamptz not null,
    removed_at         timestamptz
);

create table licensing_group_license (
    group_id uuid not null references licensing_group (id) on delete cascade,
    sku_id   uuid not null,
    primary key (group_id, sku_id)
);

create index licensing_group_license_sku on licensing_group_license (sku_id, group_id);

-- Users only (nested groups inherit no license); no foreign key: the users part may not have seen a new member yet.
create table licensing_group_member (
    group_id uuid not null references licensing_group (id) on delete cascade,
    user_id  uuid not null,
    primary key (group_id, user_id)
);

create index licensing_group_member_user on licensing_group_member (user_id);
