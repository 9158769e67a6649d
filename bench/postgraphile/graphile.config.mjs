// PostGraphile 5 over the benchmark database, as a team would put it in front of the same tables: the Amber preset,
// the `public` schema, a read-only role, no GraphiQL, no explain. Smart tags add the two relations our schema keeps
// without foreign keys (license_assignment -> sku, usage_identity -> directory_user), and the filters/orders the
// benchmark's queries use on columns that have no index of their own (PostGraphile 5 offers only indexed ones).
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { jsonPgSmartTags } from "postgraphile/utils";

const tags = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      license_assignment: { tags: { foreignKey: "(sku_id) references sku" } },
      usage_identity: { tags: { foreignKey: "(user_id) references directory_user" } },
      // the filters and order the three operations need on columns without an index of their own
      directory_user: { attribute: { deleted_at: { tags: { behavior: "+filterBy" } } } },
      sku: {
        attribute: {
          removed_at: { tags: { behavior: "+filterBy" } },
          sku_part_number: { tags: { behavior: "+orderBy" } },
        },
      },
    },
  },
});

/** @type {GraphileConfig.Preset} */
export default {
  extends: [PostGraphileAmberPreset],
  plugins: [tags],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
      poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) },
    }),
  ],
  grafserv: { port: Number(process.env.PORT ?? 5678), host: "127.0.0.1", graphiql: false, watch: false },
  grafast: { explain: false },
};
