/* medusa-config.ts: the Medusa server of Aisle's medusa test suite.
 * Copied next to node_modules in the cache folder; everything else comes
 * from the environment run-medusa.sh sets (database URL, secrets). */
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { connection: { ssl: false } },
    http: {
      storeCors: "http://127.0.0.1",
      adminCors: "http://127.0.0.1",
      authCors: "http://127.0.0.1",
      jwtSecret: process.env.JWT_SECRET || "aisle-test-jwt",
      cookieSecret: process.env.COOKIE_SECRET || "aisle-test-cookie",
    },
  },
  /* The admin dashboard is a web UI build: not needed by a kiosk test. */
  admin: { disable: true },
})
