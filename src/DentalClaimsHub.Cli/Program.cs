Console.WriteLine("dch");
