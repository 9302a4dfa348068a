using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DentalClaimsHub.Storage.Configuration;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.CountryCode).HasMaxLength(2).IsFixedLength();
        b.Property(p => p.TimeZoneId).HasMaxLength(64);
        b.Property(p => p.Npi).HasConversion(new ValueConverter<Npi, string>(v => v.Value, s => Npi.Parse(s))).HasMaxLength(10);
        b.Property(p => p.TaxId).HasMaxLength(9);
        b.Property(p => p.Inn).HasConversion(new ValueConverter<Inn, string>(v => v.Value, s => Inn.Parse(s))).HasMaxLength(12);
        b.OwnsOne(p => p.Address, address =>
        {
            address.Property(a => a.Line1).HasColumnName("address_line1").HasMaxLength(110);
            address.Property(a => a.Line2).HasColumnName("address_line2").HasMaxLength(110);
            address.Property(a => a.City).HasColumnName("address_city").HasMaxLength(60);
            address.Property(a => a.Region).HasColumnName("address_region").HasMaxLength(60);
            address.Property(a => a.PostalCode).HasColumnName("address_postal_code").HasMaxLength(20);
            address.Property(a => a.CountryCode).HasColumnName("address_country_code").HasMaxLength(2);
        });
        b.Property(p => p.Ogrn).HasConversion(new ValueConverter<Ogrn, string>(v => v.Value, s => Ogrn.Parse(s))).HasMaxLength(15);
    }
}
