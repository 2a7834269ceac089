/**
 * The resource types that hold state, in one place for the rule pack and the plan preview.
 *
 * - {@link STATEFUL_TYPES}: losing or replacing one loses data or a name others depend on; no documented operation
 *   may destroy or replace one (`order-platform diff` flags it).
 * - {@link PROTECTED_TYPES}: the subset whose data lives in the resource itself, which the library writes with
 *   `lifecycle.prevent_destroy` (rule OP-PLT-001); the others (a failover group, a virtual endpoint, a topic without
 *   data, Application Insights) are recreated without loss, but a replacement still interrupts what depends on them.
 */
export const PROTECTED_TYPES: readonly string[] = [
  'azurerm_mssql_server', 'azurerm_mssql_database', 'azurerm_postgresql_flexible_server', 'azurerm_postgresql_flexible_server_database',
  'azurerm_cosmosdb_account', 'azurerm_cosmosdb_sql_database', 'azurerm_cosmosdb_sql_container', 'azurerm_servicebus_namespace',
  'azurerm_servicebus_namespace_disaster_recovery_config', 'azurerm_servicebus_topic', 'azurerm_servicebus_subscription', 'azurerm_key_vault',
  'azurerm_log_analytics_workspace', 'azurerm_storage_account', 'azurerm_managed_redis',
  'azurerm_eventhub_namespace', 'azurerm_eventhub_namespace_disaster_recovery_config', 'azurerm_eventhub', 'azurerm_eventhub_consumer_group',
];

/** Every stateful type: the protected ones and those a replacement would still disrupt. */
export const STATEFUL_TYPES: readonly string[] = [
  ...PROTECTED_TYPES,
  'azurerm_mssql_failover_group', 'azurerm_postgresql_flexible_server_virtual_endpoint', 'azurerm_eventgrid_topic', 'azurerm_application_insights',
  // Unlinking a cache from its geo-replication group (destroying the link) leaves each cache on its own.
  'azurerm_managed_redis_geo_replication',
];
