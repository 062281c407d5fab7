using System.Globalization; var app = WebApplication.Create(args); app.MapGet("/", () => 1.5m.ToString("C", new CultureInfo("de-DE"))); app.Run();
