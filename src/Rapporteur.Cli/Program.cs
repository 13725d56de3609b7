Console.WriteLine("rapporteur");
