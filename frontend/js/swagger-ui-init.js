// Starts Swagger UI on /q/openapi. Blindfold serves Swagger UI's page itself (web/SwaggerUiPage) with this
// file in place of the inline scripts Quarkus's page has, so /q/swagger-ui runs under a policy without
// inline script. The bundle and preset are Quarkus's, loaded just before this file.
/* global SwaggerUIBundle, SwaggerUIStandalonePreset */

SwaggerUIBundle({
  url: '/q/openapi',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
  layout: 'StandaloneLayout',
});
