/* vifte: choose the citizen or caseworker view before the page is drawn. */
(function () {
  var view = "borger";
  try { if (localStorage.getItem("vifte.view") === "fagperson") view = "fagperson"; } catch (e) {}
  document.documentElement.setAttribute("data-vifte-view", view);
  document.documentElement.classList.add("vifte-js");
})();
