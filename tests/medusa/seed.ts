/* seed.ts: the small store Aisle's medusa suite runs against.
 *
 * Run with `medusa exec` inside the test project (run-medusa.sh copies it
 * there). Two stock locations are two stores of one retailer, with aisle and
 * shelf kept in the inventory levels' metadata as docs/medusa.md describes;
 * the ids the C test needs are written as JSON to $AISLE_SEED_OUT.
 */
import { writeFileSync } from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

/* Open around the clock, so that pickup windows exist whenever CI runs. */
const OPENING_HOURS = [{ days: [1, 2, 3, 4, 5, 6, 7], open: "00:00", close: "24:00" }]
const DELIVERY = {
  fee: { amount: 3900, currency: "EUR" },
  lead_days: 1,
  windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "08:00", end: "12:00" }],
}

type Level = { stocked: number; metadata?: Record<string, string> }
type VariantSeed = {
  title: string; sku: string; ean?: string; barcode?: string; price: number
  milano: Level; torino: Level
}
type ProductSeed = {
  title: string; handle: string; categories: string[]; description: string
  metadata?: Record<string, string>; variants: VariantSeed[]
}

const PRODUCTS: ProductSeed[] = [
  {
    title: "Poltrona Oslo", handle: "oslo-armchair", categories: ["Sedute", "Offerte"],
    description: "Poltrona compatta, impiallacciatura di rovere, grigio.",
    variants: [{
      title: "Default", sku: "104.233.67", ean: "4006381333931", price: 129.99,
      /* One article in two boxes: package 2 lies elsewhere in the stockroom. */
      milano: { stocked: 14, metadata: { aisle: "12", shelf: "04", aisle_2: "31", shelf_2: "17" } },
      torino: { stocked: 3, metadata: { aisle: "5", bin: "B2", aisle_2: "5", bin_2: "B3" } },
    }],
  },
  {
    title: "Sedia Linnea", handle: "linnea-chair", categories: ["Sedute"],
    description: "Sedia impilabile.",
    variants: [
      {
        title: "Rovere", sku: "201.100.01", ean: "8001234567895", price: 49,
        milano: { stocked: 40, metadata: { aisle: "7", shelf: "11" } },
        torino: { stocked: 0, metadata: { aisle: "2", shelf: "01" } },
      },
      {
        title: "Nero", sku: "201.100.02", ean: "8001234567901", price: 49,
        milano: { stocked: 1, metadata: { aisle: "7", shelf: "12" } },
        torino: { stocked: 6 },
      },
    ],
  },
  {
    title: "Tavolo Ravello", handle: "ravello-table", categories: ["Tavoli"],
    description: "Tavolo allungabile, 6-8 posti.",
    metadata: { aisle_fulfillment: "full-serve" },
    variants: [{
      title: "Default", sku: "302.550.10", ean: "4012345678901", price: 349,
      milano: { stocked: 0 }, torino: { stocked: 2 },
    }],
  },
  {
    title: "Lampada Stella", handle: "stella-lamp", categories: ["Luci", "Offerte"],
    description: "Lampada da tavolo, vetro opale.",
    variants: [{
      title: "Default", sku: "405.010.20", barcode: "0012345678905", price: 24.95,
      milano: { stocked: 25, metadata: { aisle: "20", shelf: "02" } },
      torino: { stocked: 9, metadata: { aisle: "3", shelf: "07" } },
    }],
  },
]

export default async function seed ({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const inventory = container.resolve(Modules.INVENTORY)
  const storeModule = container.resolve(Modules.STORE)

  const { result: [channel] } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Aisle kiosks" }] },
  })

  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [{ currency_code: "eur", is_default: true }],
        default_sales_channel_id: channel.id,
      },
    },
  })

  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Italia", currency_code: "eur", countries: ["it"],
                         payment_providers: ["pp_system_default"] }] },
  })
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "it", provider_id: "tp_system" }],
  })

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [
      { name: "Casa Nord Milano",
        address: { address_1: "Via Esempio 12", city: "Milano", postal_code: "20100", country_code: "IT" } },
      { name: "Casa Nord Torino",
        address: { address_1: "Corso Prova 3", city: "Torino", postal_code: "10100", country_code: "IT" } },
    ] },
  })
  const [milano, torino] = locations

  /* The Store API shows no stock location names or hours: the stores the
   * kiosk offers are described in the region's metadata (docs/medusa.md). */
  const stores = [
    { id: milano.id, name: "Casa Nord Milano", address: "Via Esempio 12, 20100 Milano", country: "IT",
      timezone: "Europe/Rome", opening_hours: OPENING_HOURS, pickup_lead_minutes: 0, vat_rate: 22,
      delivery: DELIVERY },
    { id: torino.id, name: "Casa Nord Torino", address: "Corso Prova 3, 10100 Torino", country: "IT",
      timezone: "Europe/Rome", opening_hours: OPENING_HOURS, pickup_lead_minutes: 0, vat_rate: 22 },
  ]
  await updateRegionsWorkflow(container).run({
    input: { selector: { id: region.id }, update: { metadata: { aisle_stores: JSON.stringify(stores) } } },
  })

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default", type: "default" }] },
    })
    profile = result[0]
  }

  const storeRules = [
    { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
    { attribute: "is_return", value: "false", operator: "eq" as const },
  ]
  const options: any[] = []
  for (const [location, city] of [[milano, "Milano"], [torino, "Torino"]] as const) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [channel.id] },
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
    const pickup = await fulfillment.createFulfillmentSets({
      name: `Ritiro ${city}`, type: "pickup",
      service_zones: [{ name: `Ritiro ${city}`, geo_zones: [{ type: "country", country_code: "it" }] }],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: pickup.id },
    })
    options.push({
      name: `Ritiro in negozio ${city}`, price_type: "flat", provider_id: "manual_manual",
      service_zone_id: pickup.service_zones[0].id, shipping_profile_id: profile.id,
      type: { label: "Ritiro", description: "Ritiro in negozio", code: "pickup" },
      prices: [{ currency_code: "eur", amount: 0 }, { region_id: region.id, amount: 0 }],
      rules: storeRules,
    })
  }

  /* Home delivery leaves from the Milano store. */
  const delivery = await fulfillment.createFulfillmentSets({
    name: "Consegna Milano", type: "shipping",
    service_zones: [{ name: "Italia", geo_zones: [{ type: "country", country_code: "it" }] }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: milano.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: delivery.id },
  })
  options.push({
    name: "Consegna a domicilio", price_type: "flat", provider_id: "manual_manual",
    service_zone_id: delivery.service_zones[0].id, shipping_profile_id: profile.id,
    type: { label: "Consegna", description: "Consegna a domicilio", code: "delivery" },
    prices: [{ currency_code: "eur", amount: 39 }, { region_id: region.id, amount: 39 }],
    rules: storeRules,
  })
  await createShippingOptionsWorkflow(container).run({ input: options })

  const { result: [key] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Aisle kiosk", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: key.id, add: [channel.id] },
  })

  const names = ["Sedute", "Tavoli", "Luci", "Offerte"]
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: names.map((name, rank) => ({
      name, handle: name.toLowerCase(), is_active: true, rank,
      metadata: { aisle_icon: name === "Luci" ? "lamp" : "sofa" },
    })) },
  })
  const categoryId = (name: string) => categories.find((c) => c.name === name)!.id

  await createProductsWorkflow(container).run({
    input: { products: PRODUCTS.map((p) => ({
      title: p.title, handle: p.handle, description: p.description,
      status: ProductStatus.PUBLISHED, shipping_profile_id: profile.id,
      category_ids: p.categories.map(categoryId), metadata: p.metadata,
      images: [{ url: `https://images.example.com/${p.handle}.jpg` }],
      thumbnail: `https://images.example.com/${p.handle}-thumb.jpg`,
      weight: 9800,
      options: [{ title: "Finitura", values: p.variants.map((v) => v.title) }],
      variants: p.variants.map((v) => ({
        title: v.title, sku: v.sku, ean: v.ean, barcode: v.barcode,
        manage_inventory: true, options: { Finitura: v.title },
        prices: [{ currency_code: "eur", amount: v.price }],
      })),
      sales_channels: [{ id: channel.id }],
    })) },
  })

  const skus = PRODUCTS.flatMap((p) => p.variants)
  const { data: items } = await query.graph({
    entity: "inventory_item", fields: ["id", "sku"],
    filters: { sku: skus.map((v) => v.sku) },
  })
  const levels: any[] = []
  for (const v of skus) {
    const item = items.find((i: any) => i.sku === v.sku)
    for (const [location, level] of [[milano, v.milano], [torino, v.torino]] as const)
      levels.push({ inventory_item_id: item.id, location_id: location.id,
                    stocked_quantity: level.stocked, metadata: level.metadata })
  }
  await inventory.createInventoryLevels(levels)

  const { data: variants } = await query.graph({
    entity: "product_variant", fields: ["id", "sku"],
  })
  const out = {
    publishable_key: key.token,
    region_id: region.id,
    sales_channel_id: channel.id,
    locations: { milano: milano.id, torino: torino.id },
    variants: Object.fromEntries(variants.map((v: any) => [v.sku, v.id])),
  }
  writeFileSync(process.env.AISLE_SEED_OUT!, JSON.stringify(out, null, 2))
  logger.info(`Aisle test store seeded: ${variants.length} variants, 2 locations`)
}
