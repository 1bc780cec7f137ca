// Starts Swagger UI (installed from npm, served by sitrep) on the OpenAPI document.
"use strict";
(function () {
  const el = document.getElementById("swagger");
  window.SwaggerUIBundle({ url: el.dataset.spec, dom_id: "#swagger", deepLinking: true });
})();
