-- Prices are the customer's data (Microsoft Graph has none), kept with their history: each row is a price of a SKU in
-- one currency, monthly or annual, in force from a day until the next row of that SKU takes over. Rows are never
-- changed, only added (setLicensePrice, audited). M365_LICENSE_PRICES stays the fallback where no row is in force.
create table license_price (
    id              bigint generated always as identity primary key,
    sku_id          uuid          not null,
    amount          numeric(14,4) not null,
    currency        char(3)       not null,
    period          text          not null,
    effective_from  date          not null,
    set_by          text          not null,
    set_at          timestamptz   not null,
    constraint license_price_amount check (amount >= 0),
    constraint license_price_currency check (currency ~ '^[A-Z]{3}$'),
    constraint license_price_period check (period in ('MONTHLY', 'ANNUAL'))
);

create index license_price_in_force on license_price (sku_id, effective_from desc, id desc);

create function license_price_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'license_price is append-only: % is not allowed', tg_op;
end $$;

create trigger license_price_no_update before update or delete on license_price
    for each row execute function license_price_append_only();
